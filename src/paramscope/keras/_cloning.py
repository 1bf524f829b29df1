"""``keras.models.clone_model`` (keras/src/models/cloning.py, Keras 3.15).

A clone has new, unbuilt layers of the same classes, arguments and names, called on new
inputs (or on ``input_tensors``): its weights are new weights of the same shapes.  Keras
rebuilds each layer from its config; paramscope rebuilds it from the arguments it was
constructed with (a layer argument, as in ``Bidirectional(LSTM(8))``, is cloned too).
"""

from __future__ import annotations

import copy

from .. import tree
from ..errors import ParamscopeError
from ..graph import Functional, Sequential
from ..layers.base import Input, InputLayer, KerasTensor, Layer


def clone_layer(layer):
    """A new layer like ``layer``: same class, constructor arguments and name, unbuilt."""
    if isinstance(layer, (Sequential, Functional)):
        return clone_model(layer)
    if not isinstance(layer, Layer):  # a keras.ops operation: a copy with no calls yet
        clone = copy.copy(layer)
        clone._inbound_nodes, clone._outbound_nodes = [], []
        return clone
    args, kwargs = layer.init_arguments
    fresh = lambda v: clone_layer(v) if isinstance(v, Layer) else v
    args = tree.map_structure(fresh, list(args))
    kwargs = {k: tree.map_structure(fresh, v) for k, v in kwargs.items()}
    kwargs["name"] = layer.name
    kwargs.setdefault("trainable", layer.trainable)
    if "dtype" not in kwargs and layer.dtype_policy is not None:
        kwargs["dtype"] = layer.dtype_policy
    return type(layer)(*args, **kwargs)


def _wrap(clone_function, call_function=None, recursive=False, cache=None):
    clone_function = clone_function or clone_layer
    cache = {} if cache is None else cache

    def wrapped(layer):
        if id(layer) in cache:
            return cache[id(layer)]
        if recursive and isinstance(layer, (Sequential, Functional)):
            clone = clone_model(layer, clone_function=clone_function,
                                call_function=None if isinstance(layer, Sequential)
                                else call_function, recursive=True, cache=cache)
        else:
            clone = clone_function(layer)
        cache[id(layer)] = clone
        return clone
    return wrapped


def clone_model(model, input_tensors=None, clone_function=None, call_function=None,
                recursive=False, **kwargs):
    """``keras.models.clone_model``: the same architecture with new layers."""
    cache = kwargs.pop("cache", None)
    if kwargs:
        raise ParamscopeError(f"Unexpected keyword argument(s): {tuple(kwargs.keys())}")
    if isinstance(model, Sequential):
        if call_function is not None:
            raise ParamscopeError(
                "`call_function` argument is not supported with Sequential models.  In a "
                "Sequential model, layers aren't called at model-construction time (they're "
                "merely listed). Use `call_function` with Functional models only. Received "
                f"model of type '{model.__class__.__name__}', with call_function="
                f"{clone_function}")
        return _clone_sequential(model, _wrap(clone_function, recursive=recursive,
                                              cache=cache), input_tensors)
    if isinstance(model, Functional):
        return _clone_functional(model, _wrap(clone_function, call_function, recursive, cache),
                                 input_tensors, call_function)
    if clone_function or input_tensors:
        raise ParamscopeError(
            "Arguments `clone_function` and `input_tensors` are only supported for Sequential "
            f"models or Functional models. Received model of type '{model.__class__.__name__}'"
            f", with clone_function={clone_function} and input_tensors={input_tensors}")
    if call_function is not None:
        raise ParamscopeError(
            "Argument `call_function` is only supported for Functional models. Received "
            f"model of type '{model.__class__.__name__}', with call_function={clone_function}")
    return clone_layer(model)


def _copy_compile(model, clone):
    if getattr(model, "compiled", False) and hasattr(model, "get_compile_config"):
        clone.compile_from_config(model.get_compile_config())
    return clone


def _clone_sequential(model, clone_function, input_tensors=None):
    if not callable(clone_function):
        raise ParamscopeError("Expected `clone_function` argument to be a callable. Received: "
                              f"clone_function={clone_function}")
    new_layers = [clone_function(layer) for layer in model.layers]
    first = model._layers[0] if model._layers else None
    if isinstance(first, InputLayer):
        name, batch_shape, dtype, optional = (first.name, first.batch_shape, first.dtype,
                                              first.optional)
    else:
        name = dtype = batch_shape = None
        optional = False
    if input_tensors is not None:
        if isinstance(input_tensors, (list, tuple)):
            if len(input_tensors) != 1:
                raise ParamscopeError("Argument `input_tensors` must contain a single tensor.")
            input_tensors = input_tensors[0]
        if not isinstance(input_tensors, KerasTensor):
            raise ParamscopeError("Argument `input_tensors` must be a KerasTensor. Received "
                                  f"invalid value: input_tensors={input_tensors}")
        new_layers = [Input(tensor=input_tensors, name=name, optional=optional)] + new_layers
    elif batch_shape is not None:
        new_layers = [Input(batch_shape=batch_shape, dtype=dtype, name=name,
                            optional=optional)] + new_layers
    clone = Sequential(new_layers, name=model.name, trainable=model.trainable)
    return _copy_compile(model, clone)


def _clone_functional(model, clone_function, input_tensors, call_function):
    if input_tensors is not None:
        if not all(isinstance(x, KerasTensor) for x in tree.flatten(input_tensors)):
            raise ParamscopeError("All entries in `input_tensors` must be KerasTensors. "
                                  f"Received invalid values: inputs_tensors={input_tensors}")
        if len(tree.flatten(input_tensors)) != len(tree.flatten(model.input)):
            raise ParamscopeError(
                "`input_tensors` must have the same structure as model.input\nReference "
                f"structure: {model.input}\nReceived structure: {input_tensors}")
    else:
        input_tensors = tree.map_structure(
            lambda x: Input(batch_shape=x.shape, dtype=x.dtype, name=x.name), model.input)
    outputs = run_through_graph(model, input_tensors, clone_function, call_function)
    clone = Functional(input_tensors, outputs, name=model.name)
    return _copy_compile(model, clone)


def run_through_graph(model, inputs, operation_fn, call_fn=None):
    """Keras's ``Function._run_through_graph``: each node's operation (through
    ``operation_fn``) called on the new tensors."""
    tensors = {id(x): y for x, y in zip(model.inputs, tree.flatten(inputs))}
    swap = lambda x: tensors.get(id(x), x) if isinstance(x, KerasTensor) else x
    for depth in sorted(model._nodes_by_depth, reverse=True):
        for node in model._nodes_by_depth[depth]:
            if node.is_input or any(id(x) not in tensors for x in node.input_tensors):
                continue
            args = tree.map_structure(swap, list(node.call_args))
            kwargs = {k: tree.map_structure(swap, v) for k, v in node.call_kwargs.items()}
            op = operation_fn(node.operation)
            outputs = call_fn(op, *args, **kwargs) if call_fn is not None else op(*args,
                                                                                   **kwargs)
            for x, y in zip(node.outputs, tree.flatten(outputs)):
                tensors[id(x)] = y
    found = []
    for x in model.outputs:
        if id(x) not in tensors:
            raise ParamscopeError(f"Output {x.name} is not connected to `inputs`")
        found.append(tensors[id(x)])
    from ..graph import pack_as
    return pack_as(model._outputs_struct, found)
