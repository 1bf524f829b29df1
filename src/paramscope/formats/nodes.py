"""Reading a Functional config's calls: one node reader per layout.

Two node layouts exist and the reader is chosen by what the nodes look like, not by the
file type (:func:`paramscope.formats.decoding.functional_layout`):

* **Keras 3** (``keras/src/models/functional.py``): ``inbound_nodes`` is a list
  of ``{"args": [...], "kwargs": {...}}`` whose tensors are
  ``{"class_name": "__keras_tensor__", "config": {"keras_history": [layer,
  node, tensor]}}``.  Node indices count the layer's calls in this model; in
  ``input_layers``/``output_layers`` a nested *Functional* model's indices
  are one higher (Keras reserves node 0 for it) and :class:`Keras3Nodes`
  subtracts one.  Keras 3 also reads tf.keras's list nodes (its
  ``deserialize_node``'s legacy case), and so does :class:`Keras3Nodes`.
* **Keras 2 / tf.keras** (``tf_keras/src/engine/functional.py``):
  ``inbound_nodes`` is ``[[[layer, node, tensor, kwargs], ...], ...]``.  A
  nested model built on an Input (a Functional model, or a Sequential with an
  input shape) starts with a node of its own in tf.keras, so its first call is
  node 1 in the config; ``reconstruct_from_config`` maps config node indices
  to real ones and so does :class:`Keras2Nodes` (Keras 3 itself cannot load such
  files).  tf.keras computed masks outside its graph: its calls propagate none.
"""

from __future__ import annotations

from .. import tree
from ..errors import ParamscopeError
from ..layers.base import InputLayer, KerasTensor, no_masks, tf_keras_node_order
from . import replay
from .decoding import KERAS2, KERAS3, BadMarker, decode_value, is_index, is_tensor_ref
from .replay import NotReady


class NodeReader:
    """What both layouts share: the model's layers by name, the calls made so far, and
    tf.keras's list nodes (which Keras 3 reads too)."""

    #: Whether a call's inputs are found through ``node_map`` (tf.keras's node indices).
    tf_keras = False

    def __init__(self, ctx, model_name, created, entries):
        self.ctx = ctx
        self.model_name = model_name
        self.created = created
        #: tf.keras: (layer name, config node index) -> real node index.
        self.node_map = {}
        self.node_count = {name: int(_skips_first_node(layer))
                           for name, _, layer in entries}
        self._requirements = {}

    def describe(self, name):
        return f"'{name}' ({type(self.created[name]).__name__})"

    def output(self, inbound, node_index, tensor_index, for_layer):
        """Output ``tensor_index`` of ``inbound``'s call ``node_index``."""
        outputs = inbound._inbound_nodes[node_index].outputs
        if not isinstance(tensor_index, int) or not 0 <= tensor_index < len(outputs):
            raise self.ctx.error(
                f"layer {self.describe(for_layer)} uses output {tensor_index!r} of layer "
                f"'{inbound.name}' (call {node_index}), which has {len(outputs)} output(s).")
        return outputs[tensor_index]

    def ready(self, node_data):
        """Cheap check that a call's inputs exist (the work is only done when they do)."""
        key = id(node_data)
        if key not in self._requirements:
            self._requirements[key] = _node_requirements(node_data)
        return replay.missing_input(self._requirements[key], self.created, self.node_map,
                                    self.tf_keras)

    def process_node(self, name, node_data):  # pragma: no cover - each layout reads its own
        raise NotImplementedError

    def call(self, layer, args, kwargs):
        try:
            return self._call(layer, args, kwargs)
        except NotReady:
            raise
        except ParamscopeError:
            raise
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, ArithmeticError) as e:
            raise self.ctx.error(
                f"layer '{layer.name}' ({type(layer).__name__}) cannot be called as the "
                f"file describes: {type(e).__name__}: {e}") from None

    def _call(self, layer, args, kwargs):
        return layer(*args, **kwargs)

    # -- tf.keras's list nodes ------------------------------------------------------------
    def legacy_tensor(self, ref, node_index, tensor_index, for_layer):
        if not is_index(node_index) or not is_index(tensor_index):
            raise self.ctx.error(f"layer {self.describe(for_layer)}: invalid inbound node entry "
                                 f"{[ref, node_index, tensor_index]!r}.")
        if ref not in self.created:
            raise self.ctx.error(
                f"layer {self.describe(for_layer)} is connected to a layer named {ref!r}, "
                "but the model has no layer of that name.")
        inbound = self.created[ref]
        if isinstance(inbound, InputLayer):
            real = 0
        else:
            real = self.node_map.get((ref, node_index))
        if real is None:
            raise NotReady(ref, node_index)
        return self.output(inbound, real, tensor_index, for_layer)

    def legacy_kwargs(self, kwargs, for_layer):
        if not isinstance(kwargs, dict):
            raise self.ctx.error(
                f"layer {self.describe(for_layer)}: invalid call arguments {kwargs!r}.")

        def convert(value):
            if (is_tensor_ref(value) and len(value) == 3 and value[0] in self.created
                    and isinstance(value[2], int)):
                return self.legacy_tensor(value[0], value[1], value[2], for_layer)
            if isinstance(value, list):
                return [convert(v) for v in value]
            if isinstance(value, dict) and "class_name" not in value:
                return {k: convert(v) for k, v in value.items()}
            return decode_value(value)
        return {k: convert(v) for k, v in kwargs.items()}

    def process_legacy_node(self, name, node_data):
        """A call as tf.keras writes it: tensor references ``[layer, node, tensor(, kwargs)]``
        nested in lists and dicts."""
        if not isinstance(node_data, (list, dict)):
            raise self.ctx.error(
                f"layer {self.describe(name)}: invalid inbound node {node_data!r:.80}.")
        kwargs = {}

        def leaf(value):
            nonlocal kwargs
            if len(value) == 4:
                kwargs = self.legacy_kwargs(value[3], name)
            elif len(value) != 3:
                raise self.ctx.error(f"layer {self.describe(name)}: invalid inbound node entry "
                                     f"{value!r:.80}.")
            if value[0] == "_CONSTANT_VALUE":
                return decode_value(value[2])
            return self.legacy_tensor(value[0], value[1], value[2], name)

        def walk(value):
            if is_tensor_ref(value):
                return leaf(value)
            if isinstance(value, list):
                return [walk(v) for v in value]
            if isinstance(value, dict):
                return {k: walk(v) for k, v in value.items()}
            raise self.ctx.error(
                f"layer {self.describe(name)}: invalid inbound node {node_data!r:.80}.")

        inputs = walk(node_data)
        if isinstance(inputs, list) and len(inputs) == 1:
            inputs = inputs[0]
        outputs = self.call(self.created[name], [inputs], kwargs)
        first = tree.flatten(outputs)[0]
        self.node_map[(name, self.node_count[name])] = first._keras_history.node_index
        self.node_count[name] += 1

    # -- the model's inputs and outputs ----------------------------------------------------
    def model_tensors(self, value, what):
        """The tensors ``input_layers`` / ``output_layers`` name, in their structure."""
        if isinstance(value, list) and len(value) == 3 and isinstance(value[0], str):
            return self._model_tensor(value[0], value[1], value[2], what)
        if isinstance(value, dict):
            return {k: self.model_tensors(v, what) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.model_tensors(v, what) for v in value]
        raise self.ctx.error(f"model '{self.model_name}': invalid {what} {value!r:.80}.")

    def _model_tensor(self, ref, node_index, tensor_index, what):
        if not is_index(node_index) or not is_index(tensor_index):
            raise self.ctx.error(f"model '{self.model_name}': invalid {what} entry "
                                 f"{[ref, node_index, tensor_index]!r}.")
        if ref not in self.created:
            raise self.ctx.error(f"model '{self.model_name}': its {what} names a layer {ref!r}, "
                                 "but the model has no layer of that name.")
        layer = self.created[ref]
        real = self._model_node_index(layer, ref, node_index)
        if real is None or not isinstance(real, int) or not 0 <= real < len(layer._inbound_nodes):
            raise self.ctx.error(f"model '{self.model_name}': its {what} use call {node_index} "
                                 f"of layer '{ref}', which does not exist.")
        return self.output(layer, real, tensor_index, ref)

    def _model_node_index(self, layer, ref, node_index):  # pragma: no cover - per layout
        raise NotImplementedError

    def model_inputs_outputs(self, inputs, outputs):
        """The Functional model's inputs and outputs as the layout's Keras passes them."""
        return inputs, outputs

    def finish(self, model, trainable, layers_data):
        """What the layout's Keras does to the model after creating it."""


class Keras3Nodes(NodeReader):
    """Keras 3's ``functional_from_config``: calls as ``{"args", "kwargs"}``."""

    def process_node(self, name, node_data):
        if not isinstance(node_data, dict):
            self.process_legacy_node(name, node_data)
            return
        layer = self.created[name]
        args, kwargs = node_data.get("args", []), node_data.get("kwargs", {})
        hook = lambda spec: self.tensor(spec, name)  # noqa: E731
        first = args[0] if args.__class__ is list and len(args) == 1 else None
        if (first.__class__ is dict and first.get("class_name") == "__keras_tensor__"
                and first.get("config").__class__ is dict):
            args = [hook(first["config"])]  # one tensor: the usual call
        else:
            args = self._decode(args, hook, name)
        kwargs = self._decode(kwargs, hook, name) if kwargs else kwargs
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise self.ctx.error(f"layer {self.describe(name)}: invalid call {node_data!r:.80}.")
        self.call(layer, args, kwargs)

    def _decode(self, value, hook, name):
        try:
            return decode_value(value, hook)
        except BadMarker as e:
            raise self.ctx.error(f"layer {self.describe(name)}, in a call: {e}") from None

    def tensor(self, spec, for_layer):
        """The tensor a ``__keras_tensor__``'s ``keras_history`` names."""
        history = spec.get("keras_history")
        if history is None:
            return KerasTensor(spec.get("shape") or (), dtype=spec.get("dtype") or "float32")
        if not (isinstance(history, (list, tuple)) and len(history) == 3):
            raise self._invalid_history(history, for_layer)
        ref, node_index, tensor_index = history
        if not isinstance(ref, str) or not is_index(node_index) or not is_index(tensor_index):
            raise self._invalid_history(history, for_layer)
        if ref not in self.created:
            raise self.ctx.error(
                f"layer {self.describe(for_layer)} is connected to a layer named {ref!r}, "
                "but the model has no layer of that name.")
        inbound = self.created[ref]
        if len(inbound._inbound_nodes) <= node_index:
            raise NotReady(ref, node_index)
        return self.output(inbound, node_index, tensor_index, for_layer)

    def _invalid_history(self, history, for_layer):
        return self.ctx.error(f"layer {self.describe(for_layer)}: invalid keras_history "
                              f"{history!r}.")

    def _model_node_index(self, layer, ref, node_index):
        from ..graph import Functional
        return node_index - 1 if isinstance(layer, Functional) else node_index


class Keras2Nodes(NodeReader):
    """tf.keras's ``reconstruct_from_config``: calls as lists of tensor references, config
    node indices mapped to real ones, no masks, tensor keywords in the call's order."""

    tf_keras = True

    def __init__(self, ctx, model_name, created, entries):
        super().__init__(ctx, model_name, created, entries)
        _fix_skip_counts(self.node_count, entries)

    def process_node(self, name, node_data):
        self.process_legacy_node(name, node_data)

    def _call(self, layer, args, kwargs):
        with no_masks(), tf_keras_node_order():
            return layer(*args, **kwargs)

    def _model_node_index(self, layer, ref, node_index):
        return 0 if isinstance(layer, InputLayer) else self.node_map.get((ref, node_index))

    def model_inputs_outputs(self, inputs, outputs):
        # tf.keras (Functional._init_graph_network): a one-element list of inputs or
        # outputs is the tensor itself (its configs always list them).
        if isinstance(inputs, list) and len(tree.flatten(inputs)) == 1:
            inputs = inputs[0]
        if isinstance(outputs, list) and len(tree.flatten(outputs)) == 1:
            outputs = outputs[0]
        return inputs, outputs

    def finish(self, model, trainable, layers_data):
        _connect_ancillary_layers(model, self.created)
        keras2_frozen(model, trainable, layers_data)


def _skips_first_node(layer):
    """tf.keras ``_should_skip_first_node``: a nested model built on an Input owns node 0."""
    from ..graph import Functional, Sequential
    if isinstance(layer, Functional):
        return True
    if isinstance(layer, Sequential):
        return layer._functional is not None and isinstance(layer._layers[0], InputLayer)
    return False


def _node_requirements(node_data):
    """``(layer name, node index)`` of every tensor a serialized call uses."""
    out, stack = [], [node_data]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            if v.get("class_name") == "__keras_tensor__" and isinstance(v.get("config"), dict):
                history = v["config"].get("keras_history")
                if (isinstance(history, (list, tuple)) and len(history) == 3
                        and isinstance(history[0], str) and isinstance(history[1], int)):
                    out.append((history[0], history[1]))
                continue
            stack.extend(v.values())
        elif is_tensor_ref(v):
            if v[0] != "_CONSTANT_VALUE":
                out.append((v[0], v[1]))
            if len(v) == 4:
                stack.append(v[3])
        elif isinstance(v, list):
            stack.extend(v)
    return out


def _fix_skip_counts(node_count, entries):
    """A nested model whose config calls start at 0 does not own node 0 after all."""
    used = {}
    for _, data, _ in entries:
        for node in data.get("inbound_nodes") or []:
            stack = [node]
            while stack:
                v = stack.pop()
                if is_tensor_ref(v):
                    used.setdefault(v[0], set()).add(v[1])
                    if len(v) == 4 and isinstance(v[3], dict):
                        stack.extend(v[3].values())
                elif isinstance(v, list):
                    stack.extend(v)
                elif isinstance(v, dict):
                    stack.extend(v.values())
    for name, count in list(node_count.items()):
        if count == 1 and 0 in used.get(name, ()):
            node_count[name] = 0


def _connect_ancillary_layers(model, created):
    """tf.keras's ``connect_ancillary_layers``: the layers a tf-keras config lists that do not
    lead to the outputs (those ``Model.add_loss`` inserted: ``TFOpLambda`` rows and ``AddLoss``)
    join the model as tf.keras inserts them."""
    from ..graph import insert_layers
    known = set(model._operations)
    ancillary = [layer for layer in created.values() if layer not in known]
    if ancillary:
        nodes = [node for layer in ancillary for node in layer._inbound_nodes]
        insert_layers(model, ancillary, nodes)


def keras2_frozen(model, trainable, layers_data):
    """A tf.keras model saved with ``trainable: false``.

    tf.keras's ``model.trainable = False`` freezes every layer it contains, its
    InputLayers included (they show "N" in the Trainable column), while
    ``Model(..., trainable=False)`` only sets the model's own flag.  A config only
    tells them apart by its layers' flags: all frozen means the model was frozen.
    A tf.keras Sequential config has no flag of its own (``trainable`` is None):
    its layers' flags decide.
    """
    if trainable is True:
        return
    if _all_frozen(layers_data):
        model.trainable = False
    elif trainable is False:
        model._trainable = False


def _all_frozen(layers_data):
    """Every layer of a tf.keras config (nested models' layers included) is frozen."""
    seen = False
    for entry in layers_data:
        if not isinstance(entry, dict) or entry.get("class_name") == "InputLayer":
            continue
        config = entry.get("config")
        if not isinstance(config, dict):
            return False
        flag = config.get("trainable")
        if flag is None and isinstance(config.get("layers"), list):
            if not _all_frozen(config["layers"]):
                return False
        elif flag is not False:
            return False
        seen = True
    return seen


#: The node reader of each layout.
READERS = {KERAS3: Keras3Nodes, KERAS2: Keras2Nodes}
