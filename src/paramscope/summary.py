"""The plain summary object that every renderer reads.

``summarize(model)`` walks a model the way Keras's ``print_summary`` does and
returns a :class:`ModelSummary`: names, classes, output shapes, weights,
parameter counts, connections and byte sizes.  It holds no references to the
model; renderers (Keras 3 table, Keras 2 tables, JSON, explain) only read it.
"""

from __future__ import annotations

from math import prod

from . import gcpause, tree
from .explanation import text
from .numtext import add_sizes, exact_bytes
from .graph import Functional, Model, Sequential
from .layers.base import InputLayer, KerasTensor, Layer

_REQUIRED = object()


class _Plain:
    """A plain record: fields set from arguments, compared by value (no dataclasses import:
    start-up time matters for a command-line tool).  Each subclass gets a generated
    ``__init__``, as dataclasses would make it."""

    _fields: tuple = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        params, body, env = [], [], {}
        for name, default in cls._fields:
            if default is _REQUIRED:
                params.append(name)
                body.append(f"    self.{name} = {name}")
            else:
                env[f"_d_{name}"] = default
                params.append(f"{name}=_d_{name}")
                copy = "list(_d_{0}) if {0} is _d_{0} else {0}".format(name) \
                    if isinstance(default, list) else name
                body.append(f"    self.{name} = {copy}")
        source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"])
        exec(source, env)  # noqa: S102 - generated from the class's own field names
        cls.__init__ = env["__init__"]

    def __eq__(self, other):
        return type(self) is type(other) and all(
            getattr(self, n) == getattr(other, n) for n, _ in self._fields)

    def __repr__(self):
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n, _ in self._fields)
        return f"{type(self).__name__}({inner})"


class WeightSummary(_Plain):
    """A weight: ``name``, ``path``, ``shape``, ``dtype``, ``trainable``."""

    _fields = (("name", _REQUIRED), ("path", _REQUIRED), ("shape", _REQUIRED),
               ("dtype", _REQUIRED), ("trainable", _REQUIRED))

    @property
    def size(self) -> int:
        n = 1
        for d in self.shape:
            n *= d
        return n


class LayerSummary(_Plain):
    """One row of the summary table (and its nested rows).

    - ``output_shape``: shape structure of the layer's last call: a tuple, or a list of
      tuples for several outputs; ``None`` when unknown (Keras prints ``?``).  A model
      never called in the summarised model (inside an unbuilt subclassed model) has its
      ``output_shape``: for several outputs a tuple of tuples, ``((None, 2), (None, 3))``.
    - ``node_output_shapes``: output shapes of every call, in call order (Keras 2 prints
      "multiple" when they differ); ``node_output_structures``: every call's outputs as the
      layer returned them (tf.keras prints this structure).
    - ``trainable``: ``layer.trainable``; ``weights``: :class:`WeightSummary` list.
    - ``inbound``: ``(layer_name, node_index, tensor_index)`` of inputs, for calls that are
      part of the summarised model (Keras 3's "Connected to"); ``inbound_by_node``: the same
      for every call, grouped per call.
    - ``layers``: a model used as a layer: its own rows (shown with ``expand_nested``).
    - ``is_graph_network``: Keras 2 shows an unbuilt layer as "0 (unused)", a nested graph
      network counts anyway.
    - ``macs``, ``activation_bytes``, ``macs_explain``: filled in by ``paramscope.profile``
      (per sample; see :mod:`paramscope.costs`), ``None`` in a plain summary.
    """

    _fields = (
        ("name", _REQUIRED), ("class_name", _REQUIRED), ("output_shape", _REQUIRED),
        ("node_output_shapes", _REQUIRED), ("params", _REQUIRED),
        ("trainable_params", _REQUIRED), ("non_trainable_params", _REQUIRED),
        ("built", _REQUIRED), ("trainable", _REQUIRED), ("weights", _REQUIRED),
        ("inbound", _REQUIRED), ("inbound_by_node", _REQUIRED), ("is_input_layer", False),
        ("node_output_structures", []), ("layers", []), ("is_model", False),
        ("is_graph_network", False), ("explain", []), ("explain_output", []),
        ("macs", None), ("activation_bytes", None), ("macs_explain", None),
    )

    @property
    def has_weights(self) -> bool:
        return bool(self.weights)


class ModelSummary(_Plain):
    """A model's summary.

    - ``sequential_like``: Keras 3 prints 3 columns, else 4 with "Connected to".
    - ``optimizer_params`` / ``optimizer_bytes``: the optimizer's variables when the model
      was loaded compiled with them (Keras prints "Optimizer params" and counts them in the
      total); ``None`` otherwise.
    """

    _fields = (
        ("name", _REQUIRED), ("class_name", _REQUIRED), ("sequential_like", _REQUIRED),
        ("layers", _REQUIRED), ("trainable_params", _REQUIRED),
        ("non_trainable_params", _REQUIRED), ("trainable_bytes", _REQUIRED),
        ("non_trainable_bytes", _REQUIRED), ("built", True), ("warnings", []),
        ("optimizer_params", None), ("optimizer_bytes", 0.0),
    )

    @property
    def weight_params(self) -> int:
        """Trainable + non-trainable: the model's own weights."""
        return self.trainable_params + self.non_trainable_params

    @property
    def total_params(self) -> int:
        """What Keras 3 prints as Total params (weights, plus a loaded optimizer's)."""
        return self.weight_params + (self.optimizer_params or 0)

    @property
    def weight_bytes(self) -> float:
        return add_sizes(self.trainable_bytes, self.non_trainable_bytes)

    @property
    def total_bytes(self) -> float:
        return add_sizes(self.weight_bytes, self.optimizer_bytes if self.optimizer_params else 0.0)

    def _repr_html_(self):
        """Jupyter shows the summary as an HTML table (nested models' layers indented)."""
        from .report.notebook import summary_html
        return summary_html(self)

    def _repr_markdown_(self):
        from .report.notebook import summary_markdown
        return summary_markdown(self)

    def iter_rows(self, expand_nested=False):
        """``(level, LayerSummary)`` in display order."""
        def walk(rows, level):
            for row in rows:
                yield level, row
                if expand_nested and row.layers:
                    yield from walk(row.layers, level + 1)
        yield from walk(self.layers, 0)


def count_params(weights) -> int:
    return sum([prod(w.shape) for w in weights])


def weight_bytes(weights) -> float:
    """Bytes of the distinct weights, as Keras's ``weight_memory_size`` (a float), exact
    (an ``int``) for sizes too large for a float (see :mod:`paramscope.numtext`)."""
    unique = {id(w): w for w in weights}.values()
    return exact_bytes(sum(w.nbits for w in unique))


def _shape_structure(outputs):
    """Keras's format_layer_shape structure: one shape, or a list for several outputs."""
    shapes = [tuple(t.shape) for t in outputs]
    if len(shapes) == 1:
        return shapes[0]
    return shapes


def _model_output_shape(shape):
    """A model's ``output_shape`` as Keras's summary formats it: several outputs are a tuple
    of shapes, printed like one shape, ``((None, 2), (None, 3))``."""
    if isinstance(shape, list):
        return tuple(tuple(s) for s in shape) if len(shape) > 1 else tuple(shape[0])
    return tuple(shape)


def _output_structure(node):
    """The node's outputs as returned, each tensor replaced by its shape tuple."""
    struct = getattr(node, "output_structure", None)
    if struct.__class__ is KerasTensor:
        return struct.shape
    if struct is None:
        struct = node.outputs if len(node.outputs) != 1 else node.outputs[0]
    return tree.map_structure(lambda t: tuple(t.shape) if hasattr(t, "shape") else t, struct)


def _is_sequential_like(model) -> bool:
    if isinstance(model, Sequential) or not isinstance(model, Functional):
        return True
    nodes = []
    for v in model._nodes_by_depth.values():
        if len(v) > 1 or (len(v) == 1 and len(v[0].input_tensors) > 1):
            return False
        nodes += v
    node_ids = {id(n) for n in nodes}
    for layer in model.layers:
        seen = False
        for node in layer._inbound_nodes:
            if id(node) in node_ids:
                if seen:
                    return False
                seen = True
    return True


def _relevant_node_ids(model):
    ids = set()
    for v in getattr(model, "_nodes_by_depth", {}).values():
        ids.update(id(n) for n in v)
    return ids


def _connections(node):
    return [(kt._keras_history.operation.name if kt._keras_history.operation is not None else "?",
             kt._keras_history.node_index, kt._keras_history.tensor_index)
            for kt in node.input_tensors]


_BASE_SPLIT = (Layer.trainable_weights, Layer.non_trainable_weights)


def _weight_split(layer, weights):
    """``(trainable_weights, non_trainable_weights)`` of a layer whose ``weights`` are known."""
    cls = type(layer)
    if (getattr(cls, "trainable_weights", None), getattr(cls, "non_trainable_weights", None)) \
            != _BASE_SPLIT:
        return layer.trainable_weights, layer.non_trainable_weights
    if not layer.trainable:  # Layer's own definitions, without listing the weights again
        return [], weights
    trainable = [w for w in weights if w.trainable]
    if len(trainable) == len(weights):
        return weights, []
    return trainable, [w for w in weights if not w.trainable]


def _output_shape_from_build(layer):
    """The output shape of a layer built but never called, from its recorded build shapes."""
    return tree.map_shape_structure(
        tuple, layer.compute_output_shape(*layer._build_shapes_dict.values()))


def _layer_output_shape(layer, node_shapes):
    """The shape the summary prints: the last call's, else the build's, else ``None`` ("?")."""
    if node_shapes:
        return node_shapes[-1]
    if not layer._build_shapes_dict:
        return None
    try:
        if isinstance(layer, (Functional, Sequential)):
            # Keras: a layer with an `output_shape` (a model that knows its outputs)
            # prints it; an unbuilt Sequential has none and falls through.
            try:
                return _model_output_shape(layer.output_shape)
            except AttributeError:
                return _output_shape_from_build(layer)
        return _output_shape_from_build(layer)
    except Exception:  # noqa: BLE001 - Keras prints "?" when it cannot tell
        return None


def _weights_and_counts(layer):
    """``(weight rows, params, trainable params, non-trainable params)`` of a layer."""
    weights = layer.weights
    trainable_weights, non_trainable_weights = _weight_split(layer, weights)
    if trainable_weights is weights:  # all trainable (most layers)
        ws = [WeightSummary(w.name, w.path, tuple(w.shape), w.dtype, True) for w in weights]
    else:
        trainable_ids = set(map(id, trainable_weights))
        ws = [WeightSummary(w.name, w.path, tuple(w.shape), w.dtype, id(w) in trainable_ids)
              for w in weights]
    if not layer.built:
        return ws, 0, 0, 0
    params = count_params(weights)
    if trainable_weights is weights or non_trainable_weights is weights:
        trainable_params = params if trainable_weights is weights else 0
        return ws, params, trainable_params, params - trainable_params
    return ws, params, count_params(trainable_weights), count_params(non_trainable_weights)


def _explain_into(row, layer):
    """The layer's explained arithmetic on its row; a failure is a line saying why."""
    try:
        row.explain = list(layer.explain())
        row.explain_output = list(layer.explain_output())
    except Exception as e:  # noqa: BLE001 - an explanation must never break a summary
        reason = f"{type(e).__name__}: {e}"
        if isinstance(e, ValueError) and "integer string conversion" in str(e):
            reason = "its numbers have more than 4,300 digits"
        row.explain = [text(f"{layer.name}: (no explanation: {reason})")]


def summarize_layer(layer, relevant_ids, with_explain=True) -> LayerSummary:
    nodes = layer._inbound_nodes
    node_shapes = [_shape_structure(n.outputs) for n in nodes]
    node_structures = [node_shapes[i] if n.output_structure.__class__ is KerasTensor
                       else _output_structure(n) for i, n in enumerate(nodes)]
    output_shape = _layer_output_shape(layer, node_shapes)
    inbound, by_node = [], []
    for node in nodes:
        conns = _connections(node)
        by_node.append(conns)
        if relevant_ids and id(node) not in relevant_ids:
            continue
        inbound.extend(conns)
    ws, params, trainable_params, non_trainable_params = _weights_and_counts(layer)
    built = bool(layer.built)
    row = LayerSummary(
        name=layer.name,
        class_name=getattr(layer, "class_name", None) or type(layer).__name__,
        output_shape=output_shape,
        node_output_shapes=node_shapes,
        params=params,
        trainable_params=trainable_params,
        non_trainable_params=non_trainable_params,
        built=built,
        trainable=bool(layer.trainable),
        weights=ws,
        inbound=inbound,
        inbound_by_node=by_node,
        is_input_layer=isinstance(layer, InputLayer),
        node_output_structures=node_structures,
        is_model=isinstance(layer, Model),
        is_graph_network=isinstance(layer, Functional),
    )
    # Keras expands any layer with a non-empty `layers` list (models, Pipeline, ...).
    sublayers = getattr(layer, "layers", None) if not isinstance(layer, InputLayer) else None
    if isinstance(sublayers, (list, tuple)) and sublayers:
        row.layers = [summarize_layer(sub, relevant_ids, with_explain) for sub in sublayers]
    if with_explain and built:
        _explain_into(row, layer)
    return row


@gcpause.without_gc
def summarize(model, with_explain=True) -> ModelSummary:
    """The summary of ``model``, as Keras's ``model.summary()`` would compute it.

    >>> from paramscope.keras import Sequential, layers
    >>> s = summarize(Sequential([layers.Input((2,)), layers.Dense(3), layers.Dense(2)]))
    >>> [(row.name, row.output_shape, row.params) for row in s.layers]
    [('dense', (None, 3), 9), ('dense_1', (None, 2), 8)]
    >>> s.total_params, s.trainable_params, s.non_trainable_params
    (17, 17, 0)
    """
    sequential_like = _is_sequential_like(model)
    if isinstance(model, Sequential):
        layers = model.layers
    elif isinstance(model, Functional):
        layers = model._operations
    else:
        layers = model.layers
    # Keras only prints connections for graph-like models, but a layer's calls outside
    # this model (a shared layer, a model built from intermediate tensors) are never
    # this model's connections.
    relevant = _relevant_node_ids(model)
    rows = [summarize_layer(layer, relevant, with_explain) for layer in layers]
    trainable, non_trainable = _weight_split(model, model.weights)
    optimizer = getattr(model, "_file_optimizer", None) or {}
    return ModelSummary(
        name=model.name,
        class_name=type(model).__name__,
        sequential_like=sequential_like,
        layers=rows,
        trainable_params=count_params(trainable),
        non_trainable_params=count_params(non_trainable),
        trainable_bytes=weight_bytes(trainable),
        non_trainable_bytes=weight_bytes(non_trainable),
        built=bool(model.built),
        warnings=_collect_warnings(model),
        optimizer_params=optimizer.get("params"),
        optimizer_bytes=optimizer.get("bytes") or 0.0,
    )


def _collect_warnings(model):
    out, seen, stack = [], set(), [model]
    while stack:
        layer = stack.pop()
        if id(layer) in seen:
            continue
        seen.add(id(layer))
        for w in getattr(layer, "_warnings", ()):
            if w not in out:
                out.append(w)
        stack.extend(reversed(getattr(layer, "_layers", [])))
    return out
