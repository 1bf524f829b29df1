"""The node graph of a functional model, as Keras 3 walks it (``keras/src/ops/function.py``
``map_graph`` and ``_build_map``, ``keras/src/models/functional.py`` ``clone_graph_nodes``):
nodes by depth, operations in Keras's order, the checks that every output is computable
from the inputs, and tf.keras's ``_insert_layers``.
"""

from __future__ import annotations

from . import tree
from .errors import ParamscopeError, describe_layer, format_shape
from .layers.base import InputLayer, KerasTensor, Layer, Node


class _ListDict(dict):
    """``defaultdict(list)`` without importing collections (start-up time)."""

    def __missing__(self, key):
        value = self[key] = []
        return value


def map_graph(inputs, outputs):
    """Keras 3's ``map_graph``: nodes by depth, operations in Keras's order."""
    flat_inputs = list(inputs)
    operation_indices = {}
    nodes_in_decreasing_depth = build_map_nodes(flat_inputs, outputs, operation_indices)
    nodes_depths, node_by_id, operations_depths = _depths(nodes_in_decreasing_depth)
    for t in flat_inputs:  # an input no output depends on is still an operation at depth 0
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
    _check_computable(flat_inputs, nodes_by_depth)
    _check_unique_names(operations)
    return nodes_by_depth, operations


def build_map_nodes(inputs, outputs, operation_indices=None):
    """Keras's ``_build_map`` (ops/function.py): the nodes from the inputs to the outputs,
    in decreasing depth; ``operation_indices`` (when given) gets each operation's index
    in the order the walk first meets it.

    An iterative depth-first walk equivalent to Keras's recursive ``_build_map_helper``.
    """
    finished, in_progress, ordered = set(), set(), []
    input_ids = {id(t) for t in inputs}
    for output in outputs:
        stack = [(output, False)]
        while stack:
            t, expanded = stack.pop()
            history = getattr(t, "_keras_history", None)
            if history is None or history.operation is None:
                continue
            op = history.operation
            node = op._inbound_nodes[history.node_index]
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
                    f"The graph has a cycle: tensor {t.name} from layer '{op.name}' depends on itself.")
            if operation_indices is not None and op not in operation_indices:
                operation_indices[op] = len(operation_indices)
            in_progress.add(id(node))
            stack.append((t, True))
            if not node.is_input:
                for x in reversed(node.input_tensors):
                    stack.append((x, False))
    return ordered


def _depths(nodes_in_decreasing_depth):
    """Each node's depth (by id), the nodes by id, and each operation's depth: a node is
    one deeper than its deepest consumer, an operation as deep as its deepest node."""
    nodes_in_graph = {id(n) for n in nodes_in_decreasing_depth}
    nodes_depths, node_by_id, operations_depths = {}, {}, {}
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
    return nodes_depths, node_by_id, operations_depths


def _check_computable(flat_inputs, nodes_by_depth):
    """Every node's inputs must be computable from the model's inputs."""
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


def _check_unique_names(operations):
    counts = {}
    for op in operations:
        counts[op.name] = counts.get(op.name, 0) + 1
    for name, count in counts.items():
        if count > 1:
            raise ParamscopeError(
                f'The name "{name}" is used {count} times in the model. All layer names should be '
                "unique; pass a different name= to one of them.")


def is_input_tensor(x):
    """Keras's ``is_input_keras_tensor``: the tensor comes straight from an InputLayer."""
    history = getattr(x, "_keras_history", None)
    if history is None:
        raise ParamscopeError(
            f"The model input {x.name} of shape {format_shape(x.shape)} was not created by "
            "keras.Input(...) or a layer call; create inputs with keras.Input(shape=...).")
    op, node_index, _ = history
    return op is not None and op._inbound_nodes[node_index].is_input


def clone_graph_nodes(inputs, outputs):
    """Keras's ``clone_graph_nodes`` (models/functional.py): a model from intermediate tensors.

    Each input that is not a ``keras.Input`` becomes a new InputLayer named
    ``<tensor name>CLONE``, and every call between the inputs and the outputs
    is recorded again (a new node on the same layers), as Keras does.
    """
    nodes_to_clone = build_map_nodes(tree.flatten(inputs), tree.flatten(outputs))
    cloned_inputs, cloned_outputs = [], []
    kt_id_mapping, op_id_mapping = {}, {}
    for kt_input in tree.flatten(inputs):
        if is_input_tensor(kt_input):
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
    cloned_inputs = tree.pack_as(inputs, cloned_inputs)

    def clone(x):
        return KerasTensor(x.shape, dtype=x.dtype, sparse=x.sparse, name=f"{x.name}_clone")

    for kt_output in tree.flatten(outputs):
        cpy = clone(kt_output)
        cpy._keras_history = kt_output._keras_history
        cloned_outputs.append(cpy)
        kt_id_mapping[id(kt_output)] = cpy
    cloned_outputs = tree.pack_as(outputs, cloned_outputs)

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


def check_outputs_connected(model):
    """Keras's ``Function.__init__`` dry run (``_run_through_graph``): every output must be
    computable from the inputs, or Keras raises "Output ... is not connected to `inputs`"."""
    known = {id(x) for x in model._inputs}
    for depth in sorted(model._nodes_by_depth, reverse=True):
        for node in model._nodes_by_depth[depth]:
            if node.is_input or any(id(x) not in known for x in node.input_tensors):
                continue
            known.update(id(x) for x in node.outputs)
    for path, x in zip(tree.flat_paths(model._outputs_struct), model._outputs):
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
