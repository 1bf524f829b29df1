"""Node: one call of a layer or operation, its input and output tensors
(keras/src/ops/node.py)."""

from __future__ import annotations

from .. import tree
from ..modes import tf_keras_order
from ._tensor import KerasHistory, KerasTensor


_PLAIN_VALUE_TYPES = frozenset({bool, int, float, str, type(None)})


def plain_values(kwargs) -> bool:
    """No value of ``kwargs`` is a structure (that could hold tensors)."""
    for value in kwargs.values():
        if value.__class__ not in _PLAIN_VALUE_TYPES:
            return False
    return True


class Node:
    """One call of an operation on symbolic tensors (Keras's ``ops.Node``)."""

    def __init__(self, operation, call_args=(), call_kwargs=None, outputs=None):
        call_kwargs = call_kwargs or {}
        self.operation = operation
        self.call_args = call_args = tuple(call_args)
        self.call_kwargs = call_kwargs = dict(call_kwargs)
        if ((not call_kwargs or plain_values(call_kwargs))
                and ((len(call_args) == 1 and call_args[0].__class__ is KerasTensor)
                     or all(type(x) is KerasTensor for x in call_args))):
            self.input_tensors = list(call_args)
        else:
            # Keras 3 flattens the keyword arguments sorted by name; tf-keras keeps the
            # call's order (``nest.flatten((args, kwargs.values()))``).
            kwargs_part = list(call_kwargs.values()) if tf_keras_order() else call_kwargs
            self.input_tensors = [x for x in tree.flatten((call_args, kwargs_part))
                                  if isinstance(x, KerasTensor)]
        if type(outputs) is KerasTensor:
            self.outputs = [outputs]
        else:
            self.outputs = [] if outputs is None else tree.flatten(outputs)
        #: The call's outputs as returned (a tensor, tuple, list or dict): tf.keras prints it.
        self.output_structure = outputs
        operation._inbound_nodes.append(self)
        for kt in self.input_tensors:
            history = getattr(kt, "_keras_history", None)
            if history is None:
                history = kt._keras_history = KerasHistory(None, 0, 0)
            if history[0] is not None:
                history[0]._outbound_nodes.append(self)
        node_index = len(operation._inbound_nodes) - 1
        for i, t in enumerate(self.outputs):
            t._keras_history = KerasHistory(operation, node_index, i)
        self.is_input = not self.input_tensors

    @property
    def output_tensors(self):
        return self.outputs

    @property
    def parent_nodes(self):
        deps = []
        for kt in self.input_tensors:
            op, node_index, _ = kt._keras_history
            if op is not None:
                deps.append(op._inbound_nodes[node_index])
        return deps

    def __repr__(self):
        return f"<Node operation={self.operation.name}, id={id(self)}>"
