"""Models: Sequential and Functional graphs, nested models, shared layers.

The models follow Keras 3 (``keras/src/models/{model,sequential,functional}.py``); the
node graph they walk (``map_graph``, as ``keras/src/ops/function.py``) is in
:mod:`paramscope.graph_nodes`, so that layer order, node indices and the "Connected to"
column are the ones Keras reports.
"""

from __future__ import annotations

from . import gcpause, tree
from .errors import ModelComputationError, ParamscopeError, describe_layer, format_shape
from .graph_nodes import check_outputs_connected, clone_graph_nodes, is_input_tensor, map_graph
from .graph_nodes import insert_layers  # noqa: F401 (formats.nodes, keras._losses_api import it here)
from .layers import base
from .layers.base import InputLayer, KerasTensor, Layer
from .layers.state import open_layer_scope
from .modes import tracing_depth
from .tree import pack_as  # noqa: F401 (keras._cloning imports it from here)


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


def _read_only(attribute):
    """A read-only property: the object's ``attribute``."""
    return property(lambda self: getattr(self, attribute))


def _one_or_list(values):
    return values[0] if len(values) == 1 else values


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
        if not all(is_input_tensor(t) for t in flat_inputs):
            inputs, outputs = clone_graph_nodes(inputs, outputs)
            flat_inputs, flat_outputs = tree.flatten(inputs), tree.flatten(outputs)
        self._inputs_struct = inputs
        self._outputs_struct = outputs
        self._inputs = flat_inputs
        self._outputs = flat_outputs
        with gcpause.paused():
            self._nodes_by_depth, self._operations = map_graph(flat_inputs, flat_outputs)
        check_outputs_connected(self)
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

    inputs = _read_only("_inputs")  # the flat lists of tensors
    outputs = _read_only("_outputs")
    input = _read_only("_inputs_struct")  # the structures the model was given
    output = _read_only("_outputs_struct")

    @property
    def input_shape(self):
        # Keras maps the flat `inputs` list (a dict of inputs gives a list, in key order).
        return _one_or_list([t.shape for t in self._inputs])

    @property
    def output_shape(self):
        return _one_or_list([t.shape for t in self._outputs])

    def _bind_call(self, args, kwargs):
        return _bind_inputs(args, kwargs)

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


def _built_model_property(attribute, what):
    """A Sequential property read from its built Functional model; before the model is
    built, an AttributeError that says it has no ``what`` yet (as Keras)."""
    def get(self):
        if self._functional is None:
            raise AttributeError(f"Sequential model '{self.name}' has no defined {what} yet.")
        return getattr(self._functional, attribute)
    get.__name__ = attribute
    return property(get)


def _bind_inputs(args, kwargs):
    """A model's call arguments: ``inputs`` (first positional or by keyword), the others."""
    bound = {"inputs": args[0] if args else kwargs.get("inputs")}
    return bound, {k: v for k, v in kwargs.items() if k != "inputs"}


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
        return _bind_inputs(args, kwargs)

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

    inputs = _built_model_property("inputs", "inputs")
    outputs = _built_model_property("outputs", "outputs")
    input_shape = _built_model_property("input_shape", "input shape")
    output_shape = _built_model_property("output_shape", "output shape")
    input = _built_model_property("input", "input")
    output = _built_model_property("output", "output")
