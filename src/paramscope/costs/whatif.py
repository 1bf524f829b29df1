"""``--input-shape``: the model rebuilt at another input shape (issue 11, item 6).

The model is cloned as ``keras.models.clone_model(model, input_tensors=[keras.Input(...)])``
does: the same layers (same arguments) called on the new inputs, so every output shape
follows the new size, and a layer that cannot take it fails as Keras would (its message
names the layer and the shapes).  The weights stay the model's: calling the model's own
layers on the new input, Keras refuses a layer whose weights would have to change (a Dense
after a Flatten is fixed to the old size: "expected axis -1 of input shape to have value
1200"), so paramscope refuses it too, naming the layer, its weight and both shapes.

>>> parse_shape("1x64x64x3"), parse_shape("64,64,3"), parse_shape("image=32,32,1")
((None, (64, 64, 3)), (None, (64, 64, 3)), ('image', (32, 32, 1)))
"""

from __future__ import annotations

from .. import tree
from ..errors import ParamscopeError


def parse_shape(text):
    """``(input name or None, shape without the batch)``: ``64,64,3``, ``(64, 64, 3)``,
    ``1x64x64x3`` (the first of x-separated dims is the batch) or ``NAME=SHAPE``; ``None``
    (or ``?``) for an unknown dim."""
    name, _, spec = str(text).rpartition("=")
    spec = spec.strip().strip("()[] ")
    with_batch = "x" in spec and "," not in spec
    parts = [p.strip() for p in spec.replace("x", ",").split(",") if p.strip()]
    dims = []
    for part in parts:
        if part in ("None", "?"):
            dims.append(None)
        elif part.isdigit() and int(part) > 0:
            dims.append(int(part))
        else:
            raise ParamscopeError(
                f"--input-shape {text!r}: cannot read {part!r} as a dimension; write the "
                "shape as 64,64,3 (without the batch), 1x64x64x3 (with it) or NAME=64,64,3.")
    if with_batch:
        dims = dims[1:]
    if not dims:
        raise ParamscopeError(f"--input-shape {text!r}: no dimensions (e.g. 64,64,3).")
    return (name.strip() or None), tuple(dims)


def _input_layer_name(tensor):
    history = getattr(tensor, "_keras_history", None)
    return history[0].name if history and history[0] is not None else tensor.name


def new_inputs(model, specs):
    """The new ``keras.Input`` tensors: one per model input, in order or by name."""
    from ..layers.base import Input
    try:
        inputs = tree.flatten(model.inputs)
    except (AttributeError, ValueError):
        inputs = None
    if not inputs:
        raise ParamscopeError(
            "--input-shape needs a model with inputs (built from keras.Input or input_shape=); "
            f"model {model.name!r} has none.")
    names = [_input_layer_name(t) for t in inputs]
    shapes = {}
    for position, (name, shape) in enumerate(map(parse_shape, specs)):
        if name is None:
            if position >= len(inputs):
                raise ParamscopeError(
                    f"--input-shape given {len(specs)} times; model {model.name!r} has "
                    f"{len(inputs)} input(s): {', '.join(names)}.")
            name = names[position]
        if name not in names:
            raise ParamscopeError(f"--input-shape {name}=...: model {model.name!r} has no "
                                  f"input named {name!r}; its inputs: {', '.join(names)}.")
        shapes[name] = shape
    out = []
    for name, tensor in zip(names, inputs):
        old = tuple(tensor.shape)
        shape = shapes.get(name, old[1:])
        if len(shape) != len(old) - 1:
            raise ParamscopeError(
                f"--input-shape for input {name!r}: rank {len(shape)} {shape}, but the input "
                f"has shape {old}: give {len(old) - 1} dimensions (without the batch).")
        out.append(Input(batch_shape=(old[0],) + shape, dtype=tensor.dtype, name=name))
    return out


def rebuild_at(model, specs):
    """``model`` rebuilt at the input shapes of ``specs`` (``--input-shape`` values)."""
    from ..graph import Functional, Sequential
    from ..keras._cloning import clone_model
    if not isinstance(model, (Sequential, Functional)):
        raise ParamscopeError(
            f"--input-shape: model {model.name!r} is a subclassed model; only Sequential and "
            "Functional models can be rebuilt at another input shape.")
    import warnings
    inputs = new_inputs(model, specs)
    with warnings.catch_warnings():  # the script's own construction warnings, said once
        warnings.simplefilter("ignore")
        rebuilt = clone_model(model, input_tensors=inputs if len(inputs) > 1 else inputs[0])
    check_same_weights(model, rebuilt, specs)
    return rebuilt


def check_same_weights(model, rebuilt, specs):
    """The rebuilt model's layers must hold the model's weights, shape for shape."""
    for old, new in zip(model.layers, rebuilt.layers):
        for w_old, w_new in zip(old.weights, new.weights):
            if tuple(w_old.shape) != tuple(w_new.shape):
                shapes = ", ".join(str(s) for s in specs)
                raise ParamscopeError(
                    f"--input-shape {shapes}: layer {old.name!r} ({type(old).__name__}) cannot "
                    f"take its input at this shape: its weight {w_old.name!r} has shape "
                    f"{tuple(w_old.shape)}, and this input would need {tuple(w_new.shape)} "
                    f"(its input is {_input_shape_text(new)} here). Only layers whose weights "
                    "do not depend on the input's size (convolutions, pooling, global pooling, "
                    "RNNs over time) can take another size; change the model's Input instead.")


def _input_shape_text(layer):
    try:
        return str(tuple(layer.input.shape))
    except Exception:  # noqa: BLE001 - only a detail of the message
        return "another shape"
