"""``layer.add_loss`` / ``layer.add_metric`` as Keras 3.15 has them.

``add_loss`` is accepted inside a layer's ``call()`` or ``build()`` (paramscope traces those
on symbolic tensors, as Keras traces them, and like Keras's symbolic trace it collects no
loss); outside, on a non-tensor, it fails with Keras's message.  Keras 3 dropped
``add_metric`` and refuses ``add_loss`` on a Functional model: both raise as Keras does.
"""

from __future__ import annotations

from .. import tree
from ..errors import KerasNotImplementedError, ParamscopeError


def add_loss(layer, loss):
    from ..layers.base import KerasTensor, _tracing
    for x in tree.flatten(loss):
        if not (isinstance(x, KerasTensor) and _tracing()):
            raise ParamscopeError(
                "`add_loss()` can only be called from inside `build()` or `call()`, on a "
                f"tensor input. Received invalid value: {x}")


def functional_add_loss(model, loss):
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
