"""Models: Sequential and Functional graphs, nested models, shared layers.

The graph logic follows Keras 3 (``keras/src/ops/function.py`` ``map_graph``,
``keras/src/models/{sequential,functional}.py``) so that layer order, node
indices and the "Connected to" column are the ones Keras reports.
"""

from __future__ import annotations


from . import gcpause, tree
from .layers import base
from .errors import ModelComputationError, ParamscopeError, describe_layer, format_shape
from .layers.base import InputLayer, KerasTensor, Layer, Node
from .modes import tracing_depth
from .layers.state import open_layer_scope


def _needs_computation(what):
    def method(self, *args, **kwargs):
        raise ModelComputationError(
            f"model.{what}() needs real computation (tensors, a backend, data). paramscope only "
            "computes shapes, parameter counts and summaries; run this with Keras installed.")
    method.__name__ = what
    return method


_model_log = None


def start_model_log():
    """Record every model created from now on (used when running a script)."""
    global _model_log
    _model_log = []
    return _model_log


def stop_model_log():
    global _model_log
    _model_log = None


def _log_model(model):
    if _model_log is not None:
        _model_log.append(model)


def functional_init_arguments(args, kwargs):
    return ((len(args) == 2) or (len(args) == 1 and "outputs" in kwargs)
            or ("inputs" in kwargs and "outputs" in kwargs))


class Model(Layer):
    """``keras.Model``: called with ``(inputs, outputs)`` it is a Functional model."""
    call_mask_args = ("mask",)

    _wrap_build = False

    def __new__(cls, *args, **kwargs):
        if cls is Model and functional_init_arguments(args, kwargs):
            return object.__new__(Functional)
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        if functional_init_arguments(args, kwargs) and isinstance(self, Functional):
            Functional.__init__(self, *args, **kwargs)
            return
        Layer.__init__(self, *args, **kwargs)
        self.compiled = False
        self.optimizer = None
        self.loss = None
        _log_model(self)

    @property
    def layers(self):
        return list(self._layers)

    def get_layer(self, name=None, index=None):
        if index is not None:
            if len(self.layers) <= index:
                raise ParamscopeError(
                    f"Was asked to retrieve layer at index {index} but model only has "
                    f"{len(self.layers)} layers.")
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ParamscopeError(
            f"No such layer: {name}. Existing layers are: {[l.name for l in self.layers]}.")

    def summary(self, line_length=None, positions=None, print_fn=None, expand_nested=False,
                show_trainable=False, layer_range=None):
        from .report import print_model_summary
        print_model_summary(self, line_length=line_length, positions=positions, print_fn=print_fn,
                            expand_nested=expand_nested, show_trainable=show_trainable,
                            layer_range=layer_range)

    def compile(self, optimizer="rmsprop", loss=None, loss_weights=None, metrics=None,
                weighted_metrics=None, run_eagerly=False, steps_per_execution=1, jit_compile="auto",
                auto_scale_loss=True, **kwargs):
        """As Keras's compile (the optimizer resolved, the arguments checked); compiling
        allocates nothing here (see paramscope.keras._compile)."""
        from .keras._compile import compile_model
        if kwargs:
            raise TypeError("Trainer.compile() got an unexpected keyword argument "
                            f"'{next(iter(kwargs))}'")
        compile_model(self, optimizer=optimizer, loss=loss, loss_weights=loss_weights,
                      metrics=metrics, weighted_metrics=weighted_metrics,
                      run_eagerly=run_eagerly, steps_per_execution=steps_per_execution,
                      jit_compile=jit_compile, auto_scale_loss=auto_scale_loss)

    def get_compile_config(self):
        from .keras._compile import compile_config
        return compile_config(self)

    def compile_from_config(self, config):
        from .keras._compile import compile_from_config
        compile_from_config(self, config)

    fit = _needs_computation("fit")
    predict = _needs_computation("predict")
    evaluate = _needs_computation("evaluate")
    train_on_batch = _needs_computation("train_on_batch")
    test_on_batch = _needs_computation("test_on_batch")
    predict_on_batch = _needs_computation("predict_on_batch")
    save = _needs_computation("save")
    save_weights = _needs_computation("save_weights")
    load_weights = _needs_computation("load_weights")
    fit_generator = _needs_computation("fit_generator")
    predict_generator = _needs_computation("predict_generator")
    evaluate_generator = _needs_computation("evaluate_generator")

    def __call__(self, *args, **kwargs):
        return Layer.__call__(self, *args, **kwargs)


class _ListDict(dict):
    """``defaultdict(list)`` without importing collections (start-up time)."""

    def __missing__(self, key):
        value = self[key] = []
        return value


def map_graph(inputs, outputs):
    """Keras 3's ``map_graph``: nodes by depth, operations in Keras's order."""
    finished, in_progress = set(), set()
    nodes_in_decreasing_depth = []
    operation_indices = {}
    flat_inputs = list(inputs)
    input_ids = {id(t) for t in flat_inputs}

    def visit(tensor):
        # Iterative DFS equivalent to Keras's recursive _build_map_helper.
        stack = [(tensor, False)]
        while stack:
            t, expanded = stack.pop()
            history = getattr(t, "_keras_history", None)
            if history is None or history.operation is None:
                continue
            op, node_index, _ = history
            node = op._inbound_nodes[node_index]
            if expanded:
                finished.add(id(node))
                in_progress.discard(id(node))
                nodes_in_decreasing_depth.append(node)
                continue
            if id(node) in finished:
                continue
            if not node.is_input and id(t) in input_ids:
                finished.add(id(node))
                continue
            if id(node) in in_progress:
                raise ParamscopeError(
                    f"The graph has a cycle: tensor {t.name} from layer '{op.name}' depends on itself.")
            if op not in operation_indices:
                operation_indices[op] = len(operation_indices)
            in_progress.add(id(node))
            stack.append((t, True))
            if not node.is_input:
                for x in reversed(node.input_tensors):
                    stack.append((x, False))

    for output in outputs:
        visit(output)

    nodes_in_graph = {id(n) for n in nodes_in_decreasing_depth}
    nodes_depths = {}
    node_by_id = {}
    operations_depths = {}
    for node in reversed(nodes_in_decreasing_depth):
        node_by_id[id(node)] = node
        depth = nodes_depths.setdefault(id(node), 0)
        depth = max(depth, operations_depths.get(node.operation, 0))
        operations_depths[node.operation] = depth
        nodes_depths[id(node)] = depth
        for dep in node.parent_nodes:
            if id(dep) not in nodes_in_graph:
                continue
            node_by_id[id(dep)] = dep
            nodes_depths[id(dep)] = max(depth + 1, nodes_depths.get(id(dep), 0))

    for t in flat_inputs:
        op, node_index, _ = t._keras_history
        if op is not None and op not in operations_depths:
            node = op._inbound_nodes[node_index]
            if node.is_input:
                operations_depths[op] = 0
                operation_indices[op] = -1
                nodes_depths[id(node)] = 0
                node_by_id[id(node)] = node

    nodes_by_depth = _ListDict()
    for node_id, depth in nodes_depths.items():
        nodes_by_depth[depth].append(node_by_id[node_id])
    operations_by_depth = _ListDict()
    for op, depth in operations_depths.items():
        operations_by_depth[depth].append(op)
    operations = []
    for depth in sorted(operations_by_depth, reverse=True):
        ops = operations_by_depth[depth]
        ops.sort(key=lambda o: operation_indices[o])
        operations.extend(ops)

    # Every node's inputs must be computable from the model's inputs.
    computable = set(id(x) for x in flat_inputs)
    for depth in sorted(nodes_by_depth, reverse=True):
        for node in nodes_by_depth[depth]:
            for x in node.input_tensors:
                if id(x) not in computable:
                    raise ParamscopeError(
                        f"Graph disconnected: layer '{node.operation.name}' needs tensor "
                        f"{x.name} of shape {format_shape(x.shape)}, which cannot be computed from "
                        "the model's inputs. Add the Input it comes from to the model's inputs.")
            for x in node.outputs:
                computable.add(id(x))

    counts = {}
    for op in operations:
        counts[op.name] = counts.get(op.name, 0) + 1
    for name, count in counts.items():
        if count > 1:
            raise ParamscopeError(
                f'The name "{name}" is used {count} times in the model. All layer names should be '
                "unique; pass a different name= to one of them.")
    return nodes_by_depth, operations


def pack_as(struct, flat):
    """Keras's ``tree.pack_sequence_as``: ``flat`` (in ``tree.flatten`` order) as ``struct``."""
    it = iter(flat)

    def rec(s):
        if isinstance(s, dict):
            keys = sorted(s) if tree._sortable(s) else list(s)
            packed = {k: rec(s[k]) for k in keys}
            return {k: packed[k] for k in s}
        if isinstance(s, list):
            return [rec(v) for v in s]
        if isinstance(s, tuple):
            return tuple(rec(v) for v in s)
        return next(it)

    return rec(struct)


def _flat_paths(struct, prefix=()):
    """Keras's ``tree.flatten_with_path`` paths, in ``tree.flatten`` order."""
    if isinstance(struct, dict):
        keys = sorted(struct) if tree._sortable(struct) else list(struct)
        return [p for k in keys for p in _flat_paths(struct[k], prefix + (k,))]
    if isinstance(struct, (list, tuple)):
        return [p for i, v in enumerate(struct) for p in _flat_paths(v, prefix + (i,))]
    return [prefix]


def _is_input_tensor(x):
    """Keras's ``is_input_keras_tensor``: the tensor comes straight from an InputLayer."""
    history = getattr(x, "_keras_history", None)
    if history is None:
        raise ParamscopeError(
            f"The model input {x.name} of shape {format_shape(x.shape)} was not created by "
            "keras.Input(...) or a layer call; create inputs with keras.Input(shape=...).")
    op, node_index, _ = history
    return op is not None and op._inbound_nodes[node_index].is_input


def _build_map_nodes(inputs, outputs):
    """Keras's ``_build_map`` (ops/function.py): nodes from the inputs to the outputs."""
    finished, in_progress, ordered = set(), set(), []
    input_ids = {id(t) for t in inputs}
    for output in outputs:
        stack = [(output, False)]
        while stack:
            t, expanded = stack.pop()
            history = getattr(t, "_keras_history", None)
            if history is None or history.operation is None:
                continue
            node = history.operation._inbound_nodes[history.node_index]
            if expanded:
                finished.add(id(node))
                in_progress.discard(id(node))
                ordered.append(node)
                continue
            if id(node) in finished:
                continue
            if not node.is_input and id(t) in input_ids:
                finished.add(id(node))
                continue
            if id(node) in in_progress:
                raise ParamscopeError(
                    f"The graph has a cycle: tensor {t.name} from layer "
                    f"'{history.operation.name}' depends on itself.")
            in_progress.add(id(node))
            stack.append((t, True))
            if not node.is_input:
                for x in reversed(node.input_tensors):
                    stack.append((x, False))
    return ordered


def clone_graph_nodes(inputs, outputs):
    """Keras's ``clone_graph_nodes`` (models/functional.py): a model from intermediate tensors.

    Each input that is not a ``keras.Input`` becomes a new InputLayer named
    ``<tensor name>CLONE``, and every call between the inputs and the outputs
    is recorded again (a new node on the same layers), as Keras does.
    """
    nodes_to_clone = _build_map_nodes(tree.flatten(inputs), tree.flatten(outputs))
    cloned_inputs, cloned_outputs = [], []
    kt_id_mapping, op_id_mapping = {}, {}
    for kt_input in tree.flatten(inputs):
        if _is_input_tensor(kt_input):
            cloned_inputs.append(kt_input)
            kt_id_mapping[id(kt_input)] = kt_input
        else:
            original_op = kt_input._keras_history.operation
            optional = original_op.optional if isinstance(original_op, InputLayer) else False
            cloned_input = InputLayer(batch_shape=kt_input.shape, dtype=kt_input.dtype,
                                      sparse=kt_input.sparse, name=f"{kt_input.name}CLONE",
                                      optional=optional).output
            cloned_inputs.append(cloned_input)
            kt_id_mapping[id(kt_input)] = cloned_input
            op_id_mapping[id(original_op)] = cloned_input._keras_history.operation
    cloned_inputs = pack_as(inputs, cloned_inputs)

    def clone(x):
        return KerasTensor(x.shape, dtype=x.dtype, sparse=x.sparse, name=f"{x.name}_clone")

    for kt_output in tree.flatten(outputs):
        cpy = clone(kt_output)
        cpy._keras_history = kt_output._keras_history
        cloned_outputs.append(cpy)
        kt_id_mapping[id(kt_output)] = cpy
    cloned_outputs = pack_as(outputs, cloned_outputs)

    def swap(x):
        if not isinstance(x, KerasTensor):
            return x
        if id(x) not in kt_id_mapping:
            kt_id_mapping[id(x)] = clone(x)
        return kt_id_mapping[id(x)]

    for node in nodes_to_clone:
        operation = op_id_mapping.get(id(node.operation), node.operation)
        output_copy = [swap(x) for x in node.outputs]
        if not isinstance(operation, InputLayer):
            args = tree.map_structure(swap, node.call_args)
            kwargs = tree.map_structure(swap, node.call_kwargs)
        else:
            args, kwargs = (), {}
        Node(operation, call_args=args, call_kwargs=kwargs, outputs=output_copy)
    return cloned_inputs, cloned_outputs


def _check_outputs_connected(model):
    """Keras's ``Function.__init__`` dry run (``_run_through_graph``): every output must be
    computable from the inputs, or Keras raises "Output ... is not connected to `inputs`"."""
    known = {id(x) for x in model._inputs}
    for depth in sorted(model._nodes_by_depth, reverse=True):
        for node in model._nodes_by_depth[depth]:
            if node.is_input or any(id(x) not in known for x in node.input_tensors):
                continue
            known.update(id(x) for x in node.outputs)
    for path, x in zip(_flat_paths(model._outputs_struct), model._outputs):
        if id(x) in known:
            continue
        where = ("" if not path else " " + ".".join(str(p) for p in path))
        producer = x._keras_history.operation
        missing, consumer = _missing_input(x, known)
        given = ", ".join(f"'{t._keras_history.operation.name}'" for t in model._inputs)
        text = (f"Graph disconnected: the model's output{where} (shape {format_shape(x.shape)}, "
                f"from layer {describe_layer(producer)}) cannot be computed from the model's "
                f"inputs [{given}]")
        if missing is not None:
            text += (f": layer {describe_layer(consumer)} is called on Input "
                     f"'{missing._keras_history.operation.name}' of shape "
                     f"{format_shape(missing.shape)}, which is not one of them. Add that Input "
                     "to the model's inputs")
        raise ParamscopeError(text + ".")


def _missing_input(tensor, known):
    """The first keras.Input the tensor depends on that the model does not have, and its user."""
    stack, seen = [(tensor, None)], set()
    while stack:
        t, user = stack.pop()
        if id(t) in seen or id(t) in known:
            continue
        seen.add(id(t))
        op, node_index, _ = t._keras_history
        if op is None:
            continue
        node = op._inbound_nodes[node_index]
        if node.is_input:
            return t, user
        for x in reversed(node.input_tensors):
            stack.append((x, op))
    return None, None


def insert_layers(model, operations, nodes):
    """tf.keras's ``Functional._insert_layers`` (after ``Model.add_loss``): ``nodes`` join the
    model's nodes, each one level shallower than its shallowest input, and the operations the
    model lacks are appended to its layers, in order."""
    node_to_depth = {id(node): depth for depth, level in model._nodes_by_depth.items()
                     for node in level}
    relevant = {id(node) for node in nodes} | set(node_to_depth)
    pending = list(nodes)
    for _ in range(10000 + len(pending) ** 2):
        if not pending:
            break
        node = pending.pop(0)
        depth = _shallowest_input_depth(node, node_to_depth, relevant)
        if depth is None:
            pending.append(node)
            continue
        if id(node) not in node_to_depth:
            node_to_depth[id(node)] = depth - 1
            model._nodes_by_depth[depth - 1].append(node)
    else:
        raise ParamscopeError("Layers could not be added due to missing dependencies.")
    known = set(model._operations)
    for op in operations:
        if op not in known:
            model._operations.append(op)
            known.add(op)
            if isinstance(op, Layer):
                model._track_layer(op)


def _shallowest_input_depth(node, node_to_depth, relevant):
    depth = 0
    for parent in node.parent_nodes:
        if id(parent) in node_to_depth:
            depth = min(depth, node_to_depth[id(parent)])
        elif id(parent) in relevant:
            return None
    return depth


class Functional(Model):
    """A model defined by calling layers on ``keras.Input`` tensors."""
    _convert_input_args = False

    #: Keras lets a Functional take non-tensor positional arguments (None for an optional input).
    _allow_non_tensor_positional_args = True

    def __init__(self, inputs, outputs, name=None, _internal=False, **kwargs):
        trainable = kwargs.pop("trainable", None)
        Layer.__init__(self, name=name, **kwargs)
        self.compiled = False
        self.optimizer = None
        self.loss = None
        flat_inputs = tree.flatten(inputs)
        flat_outputs = tree.flatten(outputs)
        for x in flat_inputs:
            if not isinstance(x, KerasTensor):
                raise ParamscopeError(
                    f"All `inputs` of a Model must be symbolic tensors from keras.Input(...). "
                    f"Received {x!r} (of type {type(x).__name__}).")
        for x in flat_outputs:
            if not isinstance(x, KerasTensor):
                raise ParamscopeError(
                    f"All `outputs` of a Model must be symbolic tensors (layer outputs). "
                    f"Received {x!r} (of type {type(x).__name__}).")
        if not flat_inputs:
            raise ParamscopeError("A Model's `inputs` cannot be empty.")
        if not flat_outputs:
            raise ParamscopeError("A Model's `outputs` cannot be empty.")
        if not all(_is_input_tensor(t) for t in flat_inputs):
            inputs, outputs = clone_graph_nodes(inputs, outputs)
            flat_inputs, flat_outputs = tree.flatten(inputs), tree.flatten(outputs)
        self._inputs_struct = inputs
        self._outputs_struct = outputs
        self._inputs = flat_inputs
        self._outputs = flat_outputs
        with gcpause.paused():
            self._nodes_by_depth, self._operations = map_graph(flat_inputs, flat_outputs)
        _check_outputs_connected(self)
        for op in self._operations:
            if isinstance(op, Layer):
                self._track_layer(op)
        if trainable is not None:
            # Keras sets it before tracking the layers: the layers keep their own flags.
            self._trainable = bool(trainable)
        self.built = True
        self._build_shapes_dict = {"input_shape": tree.map_structure(lambda t: t.shape, inputs)}
        if not _internal:
            _log_model(self)

    @property
    def layers(self):
        return [op for op in self._operations if isinstance(op, Layer)]

    def add_loss(self, loss):
        from .keras._losses_api import functional_add_loss
        functional_add_loss(self, loss)

    @property
    def operations(self):
        return list(self._operations)

    @property
    def inputs(self):
        return self._inputs

    @property
    def outputs(self):
        return self._outputs

    @property
    def input_shape(self):
        # Keras maps the flat `inputs` list (a dict of inputs gives a list, in key order).
        shapes = [t.shape for t in self._inputs]
        return shapes[0] if len(shapes) == 1 else shapes

    @property
    def output_shape(self):
        shapes = [t.shape for t in self._outputs]
        return shapes[0] if len(shapes) == 1 else shapes

    @property
    def input(self):
        return self._inputs_struct

    @property
    def output(self):
        return self._outputs_struct

    def _bind_call(self, args, kwargs):
        bound = {"inputs": args[0] if args else kwargs.get("inputs")}
        options = {k: v for k, v in kwargs.items() if k != "inputs"}
        return bound, options

    def _maybe_build(self, tensor_args, bound):
        self.built = True

    def compute_output_spec(self, *args, **kwargs):
        """Run the graph on new symbolic inputs (a model used as a layer)."""
        inputs = args[0] if args else kwargs["inputs"]
        flat = tree.flatten(inputs)
        if len(flat) != len(self._inputs):
            raise ParamscopeError(
                f"Model {describe_layer(self)} expects {len(self._inputs)} input(s), but it "
                f"received {len(flat)}.")
        values = {}
        for ref, new in zip(self._inputs, flat):
            ref_shape, new_shape = ref.shape, new.shape
            if len(ref_shape) != len(new_shape) or any(
                    a is not None and b is not None and a != b for a, b in zip(ref_shape, new_shape)):
                raise ParamscopeError(
                    f"Model {describe_layer(self)} was built for inputs of shape "
                    f"{format_shape(ref_shape)}, but it was called on an input of shape "
                    f"{format_shape(new_shape)}.")
            values[id(ref)] = new
        if all(tuple(new.shape) == tuple(ref.shape) for ref, new in zip(self._inputs, flat)):
            # Keras's shortcut (Function.compute_output_spec): same input shapes, so the
            # outputs are new tensors shaped like the model's own outputs.
            return tree.map_structure(lambda t: KerasTensor(t.shape, dtype=t.dtype),
                                      self._outputs_struct)
        for depth in sorted(self._nodes_by_depth, reverse=True):
            for node in self._nodes_by_depth[depth]:
                if node.is_input:
                    continue
                if not all(id(x) in values for x in node.input_tensors):
                    continue
                swap = lambda x: values.get(id(x), x) if isinstance(x, KerasTensor) else x
                call_args = tree.map_structure(swap, node.call_args)
                call_kwargs = tree.map_structure(swap, node.call_kwargs)
                out = node.operation.compute_output_spec(*call_args, **call_kwargs)
                for ref, new in zip(node.outputs, tree.flatten(out)):
                    values[id(ref)] = new
        return tree.map_structure(lambda t: values[id(t)], self._outputs_struct)


class Sequential(Model):
    """``keras.Sequential``: a linear stack of layers."""

    def __init__(self, layers=None, trainable=True, name=None):
        Model.__init__(self, trainable=trainable, name=name)
        self._functional = None
        if layers:
            for layer in layers:
                self.add(layer, rebuild=False)
            self._maybe_rebuild()

    def __setattr__(self, key, value):
        if key == "_functional":
            object.__setattr__(self, key, value)
        else:
            super().__setattr__(key, value)

    def add(self, layer, rebuild=True):
        if not self._layers and getattr(layer, "_input_shape_arg", None) is not None:
            self.add(InputLayer(shape=layer._input_shape_arg, batch_size=layer._batch_size_arg))
        history = getattr(layer, "_keras_history", None)
        if history is not None and isinstance(history.operation, InputLayer):
            layer = history.operation
        if not isinstance(layer, Layer):
            if base.unknown_value_check is not None:
                base.unknown_value_check(f"Sequential model '{self.name}' (add)", None, (layer,), {})
            raise ParamscopeError(
                "Only instances of `keras.Layer` can be added to a Sequential model. "
                f"Received: {layer!r} (of type {type(layer).__name__}).")
        names = self._layer_by_name()
        ref = names.get(layer.name)
        if ref is not None and ref is not layer:
            raise ParamscopeError(
                "All layers added to a Sequential model should have unique names. Name "
                f"'{layer.name}' is already the name of a layer in this model. Update the "
                "`name` argument to pass a unique name.")
        if isinstance(layer, InputLayer) and self._layers and isinstance(self._layers[0], InputLayer):
            raise ParamscopeError(
                f"Sequential model '{self.name}' has already been configured to use input shape "
                f"{self._layers[0].batch_shape}. You cannot add a different Input layer to it.")
        self._layers.append(layer)
        names.setdefault(layer.name, layer)
        object.__setattr__(self, "_names_len", len(self._layers))
        if rebuild:
            self._maybe_rebuild()
        else:
            self.built = False
            self._functional = None

    def _layer_by_name(self):
        """``{name: layer}`` of ``_layers`` (rebuilt when the list changed)."""
        names = self.__dict__.get("_names")
        if names is None or self.__dict__.get("_names_len") != len(self._layers):
            names = {}
            for l in self._layers:
                names.setdefault(l.name, l)
            object.__setattr__(self, "_names", names)
            object.__setattr__(self, "_names_len", len(self._layers))
        return names

    def pop(self, rebuild=True):
        layer = self._layers.pop()
        self.built = False
        self._functional = None
        if rebuild:
            self._maybe_rebuild()
        return layer

    def _maybe_rebuild(self):
        self.built = False
        self._functional = None
        if isinstance(self._layers[0], InputLayer) and len(self._layers) > 1:
            self.build(self._layers[0].batch_shape)
        elif len(self._layers) > 1 and isinstance(self._layers[0], (Functional, Sequential)):
            # Keras: `hasattr(self._layers[0], "input_shape")`, true for a model that knows
            # its input shape (a Functional, a built Sequential); a shape Keras cannot
            # standardize (several inputs) leaves the model unbuilt.
            try:
                input_shape = self._layers[0].input_shape
            except AttributeError:
                return
            if not tree.is_shape(input_shape):
                return
            self.build(input_shape)

    def build(self, input_shape=None):
        if input_shape is None:
            return
        from .shapes import standardize_shape
        try:
            input_shape = standardize_shape(input_shape)
        except ParamscopeError as e:
            raise ParamscopeError(
                f"Sequential model '{self.name}': cannot build with input_shape={input_shape!r}: {e}"
            ) from None
        if not self._layers:
            raise ParamscopeError(
                f"Sequential model {self.name} cannot be built because it has no layers. "
                "Call `model.add(layer)`.")
        if isinstance(self._layers[0], InputLayer):
            if self._layers[0].batch_shape != input_shape:
                raise ParamscopeError(
                    f"Sequential model '{self.name}' has already been configured to use input "
                    f"shape {self._layers[0].batch_shape}. You cannot build it with input_shape "
                    f"{input_shape}")
        else:
            dtype = self._layers[0].compute_dtype
            self._layers.insert(0, InputLayer(batch_shape=input_shape, dtype=dtype))
        x = inputs = self._layers[0].output
        # Keras builds under the model's name scope: weights made now are sequential/dense/...
        with gcpause.paused(), base.recording_nodes(), open_layer_scope(self):
            for layer in self._layers[1:]:
                x = layer(x)
            self._functional = Functional(inputs=inputs, outputs=x, _internal=True)
        self.built = True
        self._build_shapes_dict = {"input_shape": input_shape}

    @property
    def layers(self):
        layers = self._layers
        if layers and isinstance(layers[0], InputLayer):
            return layers[1:]
        return layers[:]

    @property
    def _operations(self):
        return self._functional._operations if self._functional else self.layers

    @property
    def _nodes_by_depth(self):
        return self._functional._nodes_by_depth if self._functional else {}

    def _bind_call(self, args, kwargs):
        bound = {"inputs": args[0] if args else kwargs.get("inputs")}
        return bound, {k: v for k, v in kwargs.items() if k != "inputs"}

    def _maybe_build(self, tensor_args, bound):
        inputs = bound["inputs"]
        if not self.built and isinstance(inputs, KerasTensor):
            if tracing_depth():  # first called inside a traced call(): built as Keras builds it,
                from .ops import known_shape, untraced  # on symbolic tensors with nodes
                with untraced():
                    self.build(known_shape(inputs.shape))
            else:
                self.build(inputs.shape)

    def compute_output_spec(self, *args, **kwargs):
        if self._functional is None:
            raise ParamscopeError(
                f"Sequential model '{self.name}' has no layers to call.")
        return self._functional.compute_output_spec(*args, **kwargs)

    @property
    def inputs(self):
        self._require_built("inputs")
        return self._functional.inputs

    @property
    def outputs(self):
        self._require_built("outputs")
        return self._functional.outputs

    @property
    def input_shape(self):
        self._require_built("input shape")
        return self._functional.input_shape

    @property
    def output_shape(self):
        self._require_built("output shape")
        return self._functional.output_shape

    @property
    def input(self):
        self._require_built("input")
        return self._functional.input

    @property
    def output(self):
        self._require_built("output")
        return self._functional.output

    def _require_built(self, what):
        if self._functional is None:
            raise AttributeError(f"Sequential model '{self.name}' has no defined {what} yet.")
