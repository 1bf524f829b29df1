"""``layer.add_loss`` / ``layer.add_metric`` as Keras 3.15 has them.

``add_loss`` is accepted inside a layer's ``call()`` or ``build()`` (paramscope traces those
on symbolic tensors, as Keras traces them, and like Keras's symbolic trace it collects no
loss); outside, on a non-tensor, it fails with Keras's message.  Keras 3 dropped
``add_metric`` and refuses ``add_loss`` on a Functional model: both raise as Keras does.
"""

from __future__ import annotations

from .. import tree
from ..errors import (KerasNotImplementedError, NeedsComputationError, ParamscopeError,
                      describe_layer)


def add_loss(layer, loss):
    from ..layers.base import KerasTensor
    from ..modes import tracing_depth
    for x in tree.flatten(loss):
        if not (isinstance(x, KerasTensor) and tracing_depth()):
            raise ParamscopeError(
                "`add_loss()` can only be called from inside `build()` or `call()`, on a "
                f"tensor input. Received invalid value: {x}")


def functional_add_loss(model, loss):
    from .tensorflow import keras2_semantics
    if keras2_semantics():
        for x in tree.flatten(loss):
            _tf_keras_add_loss(model, x)
        return
    raise KerasNotImplementedError(
        f"model.add_loss() on the Functional model '{model.name}': Keras 3 does not support "
        "it (it raises NotImplementedError). Add the loss inside a layer's call() "
        "(self.add_loss(...)), or pass it to compile(loss=...).")


def add_metric(layer, *args, **kwargs):
    raise KerasNotImplementedError(
        "Layer `add_metric()` method is deprecated. Add your metric in "
        "`Model.compile(metrics=[...])`, or create metric trackers in init() or build() when "
        "subclassing the layer or model, then call `metric.update_state()` whenever "
        "necessary.")


def layer_losses(layer):
    """``layer.losses``: losses added in ``call()`` are not collected on symbolic tensors (as
    in Keras); the regularizers' penalties are values, which need real computation."""
    stack, seen = [layer], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        for key, value in vars(current).items():
            if (key.endswith("_regularizer") and key != "activity_regularizer"
                    and value is not None):
                raise NeedsComputationError(
                    f"layer.losses of {describe_layer(layer)} holds the values of its weight "
                    f"regularizers ({describe_layer(current)}.{key}), which need real "
                    "computation.")
        stack.extend(getattr(current, "_layers", []))
    return []


def _tf_keras_add_loss(model, loss):
    """tf.keras's ``Functional.add_loss``: a symbolic loss becomes an ``AddLoss`` layer called
    on it, inserted with the layers between the model's inputs and the loss that the model
    lacks (``_graph_network_add_loss``, ``_insert_layers``); other losses (values, callables)
    add no layer."""
    from ..graph import insert_layers, map_graph
    from ..layers.base import KerasTensor
    from ..layers.tfop import AddLoss
    if not isinstance(loss, KerasTensor):
        if loss is None or callable(loss) or isinstance(loss, (int, float)):
            return
        raise ParamscopeError(f"model.add_loss() of {model.name!r}: expected a tensor, a "
                              f"number or a callable, received {loss!r}.")
    nodes_by_depth, operations = map_graph(model.inputs, [loss])
    nodes = [node for depth in nodes_by_depth for node in nodes_by_depth[depth]]
    add_loss_layer = AddLoss(unconditional=False, dtype=loss.dtype)
    add_loss_layer(loss)
    nodes.extend(add_loss_layer._inbound_nodes)
    insert_layers(model, list(operations) + [add_loss_layer], nodes)
