"""Rebuilding models from their config entries: a Sequential's layers added in order, a
Functional's layers created then their calls replayed (:mod:`.nodes` reads them, one reader
per layout; :mod:`.replay` keeps Keras's order), a layer by :mod:`.construct`.
"""

from __future__ import annotations

from ..errors import ParamscopeError
from ..layers import get_layer_class
from ..layers.base import InputLayer
from . import replay
from .construct import layer_from_entry
from .decoding import KERAS2, functional_layout, sequential_layout, shape_value
from .nodes import READERS, Keras3Nodes, keras2_frozen

#: Deepest nesting of models inside models.
MAX_MODEL_DEPTH = 48


def deserialize(entry, ctx, layout=None):
    """A layer or model from one ``{"class_name", "config", ...}`` entry."""
    if not isinstance(entry, dict):
        raise ctx.error(f"a layer entry is a {type(entry).__name__}, expected an object with "
                        "\"class_name\" and \"config\".")
    class_name = entry.get("class_name")
    config = entry.get("config")
    if not isinstance(class_name, str):
        raise ctx.error(f"a layer entry has no class_name (keys: {', '.join(map(repr, entry))}).")
    if config is None:
        config = {}
    name = entry.get("name") or (config.get("name") if isinstance(config, dict) else None)
    if class_name == "Sequential":
        return _with_depth(ctx, lambda: sequential_from_config(entry, ctx, layout), name)
    if class_name in ("Functional", "Model"):
        return _with_depth(ctx, lambda: functional_from_config(entry, ctx, layout), name)
    if get_layer_class(class_name) is None:
        # A Model subclass paramscope does not know, with a Functional or
        # Sequential config: rebuilt as such (Keras's Model.from_config does
        # the same for functional configs).
        if _looks_functional(config):
            return _with_depth(ctx, lambda: functional_from_config(entry, ctx, layout), name)
        if _looks_sequential(config):
            return _with_depth(ctx, lambda: sequential_from_config(entry, ctx, layout), name)
    return layer_from_entry(entry, ctx, layout)


def _looks_functional(config):
    return isinstance(config, dict) and isinstance(config.get("layers"), list) and all(
        k in config for k in ("input_layers", "output_layers"))


def _looks_sequential(config):
    if isinstance(config, list):
        return bool(config) and all(isinstance(x, dict) and "class_name" in x for x in config)
    return (isinstance(config, dict) and isinstance(config.get("layers"), list)
            and "input_layers" not in config)


def _with_depth(ctx, build, name):
    if ctx.depth >= MAX_MODEL_DEPTH:
        raise ctx.error(f"model '{name}' is nested more than {MAX_MODEL_DEPTH} models deep.")
    ctx.depth += 1
    try:
        return build()
    finally:
        ctx.depth -= 1


def _custom_model_note(entry, ctx, kind):
    class_name = entry.get("class_name")
    if class_name not in ("Sequential", "Functional", "Model"):
        module = entry.get("module")
        ctx.note(f"model class {class_name}" + (f" (module {module})" if module else "")
                 + f" is not known to paramscope; its config was rebuilt as a {kind} model.")
        return class_name
    return None


# ---------------------------------------------------------------------------
# Sequential
# ---------------------------------------------------------------------------
def sequential_from_config(entry, ctx, layout=None):
    """``Sequential.from_config`` (Keras 3), with tf.keras's first-layer ``batch_input_shape``."""
    from ..graph import Sequential
    config = entry.get("config")
    if isinstance(config, list):  # Keras <= 2.2: the config is the list of layers
        config = {"layers": config}
    if not isinstance(config, dict) or not isinstance(config.get("layers"), list):
        raise ctx.error(f"Sequential model '{entry.get('name')}': its config has no list of "
                        "\"layers\".")
    name = config.get("name")
    if name is not None and not isinstance(name, str):
        raise ctx.error(f"Sequential model: invalid name {name!r}.")
    layout = layout or ctx.layout_hint or sequential_layout(config["layers"])
    # Keras 3's Sequential.from_config ignores the model's own `trainable`; the
    # layers' configs carry theirs.
    model = Sequential(name=name)
    shown_class = _custom_model_note(entry, ctx, "Sequential")
    if shown_class:
        model.class_name = shown_class
    names = []
    for i, layer_data in enumerate(config["layers"]):
        layer = deserialize(layer_data, ctx, layout)
        batch_input_shape = getattr(layer, "_file_batch_input_shape", None)
        if i == 0 and batch_input_shape is not None and not isinstance(layer, InputLayer):
            # tf.keras Sequential.add: an Input named "<layer>_input" for the first layer.
            dtype = getattr(layer, "_file_dtype", None)
            try:
                model.add(InputLayer(batch_shape=shape_value(batch_input_shape),
                                     dtype=dtype if isinstance(dtype, str) else None,
                                     name=f"{layer.name}_input"))
            except ParamscopeError as e:
                raise ctx.error(f"layer '{layer.name}' ({type(layer).__name__}): invalid "
                                f"batch_input_shape {batch_input_shape!r}: {e}") from None
        # Keras 3 adds with rebuild=True, calling every layer again at each
        # add (quadratic); one rebuild at the end gives the same model.
        model.add(layer, rebuild=False)
        names.append(layer.name)
    if model._layers:
        model._maybe_rebuild()
    build_input_shape = config.get("build_input_shape")
    if model._functional is None and build_input_shape and isinstance(build_input_shape, (list, tuple)):
        model.build(shape_value(build_input_shape))
    _apply_model_build_config(model, entry, ctx)
    if layout == KERAS2:
        # tf.keras's Sequential config has no `trainable` of its own.
        keras2_frozen(model, config.get("trainable"), config["layers"])
    model._config_layer_names = names
    return model



def _apply_model_build_config(model, entry, ctx):
    build_config = entry.get("build_config")
    if not isinstance(build_config, dict) or not build_config or model.built:
        return
    shape = build_config.get("input_shape")
    if shape is None:
        return
    try:
        model.build(shape_value(shape))
    except ParamscopeError as e:
        ctx.note(f"model '{model.name}' had a build config (input shape {shape}) but could not be "
                 f"built from it: {e}")



# ---------------------------------------------------------------------------
# Functional
# ---------------------------------------------------------------------------
def functional_from_config(entry, ctx, parent_layout=None):
    """``functional_from_config`` (Keras 3) / ``reconstruct_from_config`` (tf.keras)."""
    from ..graph import Functional
    config = entry.get("config")
    if not isinstance(config, dict):
        raise ctx.error(f"model '{entry.get('name')}': its config is not an object.")
    missing = [k for k in ("layers", "input_layers", "output_layers") if k not in config]
    if missing or not isinstance(config["layers"], list):
        raise ctx.error(
            f"Functional model '{config.get('name')}': its config has no "
            + ", ".join(f'"{k}"' for k in (missing or ["layers"])) + ".")
    model_name = config.get("name")
    layers_data = config["layers"]
    layout = functional_layout(config, parent_layout or ctx.layout_hint)
    created, entries, unprocessed = _create_layers(layers_data, model_name, ctx, layout)
    reader = READERS.get(layout, Keras3Nodes)(ctx, model_name, created, entries)
    waiting = replay.replay_calls(unprocessed, reader.process_node, reader.ready)
    if unprocessed:
        stuck = [f"{reader.describe(n)} waits for call {waiting[n].node_index} of "
                 f"'{waiting[n].layer_name}'" for n in list(unprocessed)[:4] if n in waiting]
        raise ctx.error(
            f"model '{model_name}': the graph cannot be rebuilt: " + "; ".join(stuck)
            + ". The graph has a cycle, or refers to a call of a layer that does not exist.")

    inputs, outputs = reader.model_inputs_outputs(
        reader.model_tensors(config["input_layers"], "inputs"),
        reader.model_tensors(config["output_layers"], "outputs"))
    trainable = config.get("trainable")
    model = Functional(inputs, outputs, name=model_name, _internal=ctx.depth > 1,
                       **({"trainable": trainable} if trainable is not None else {}))
    reader.finish(model, trainable, layers_data)
    shown_class = _custom_model_note(entry, ctx, "Functional")
    if shown_class:
        model.class_name = shown_class
    model._config_layer_names = [name for name, _, _ in entries]
    model._file_layout = layout
    return model


def _create_layers(layers_data, model_name, ctx, layout):
    """A Functional config's layers, created in config order: ``{name: layer}``, the
    ``(name, entry, layer)`` list and ``{name: its calls}`` for the layers that have calls."""
    created = {}
    entries = []
    unprocessed = {}
    for layer_data in layers_data:
        if not isinstance(layer_data, dict):
            raise ctx.error(f"model '{model_name}': a layer entry is a "
                            f"{type(layer_data).__name__}, expected an object.")
        layer_config = layer_data.get("config")
        name = layer_data.get("name") or (layer_config.get("name")
                                          if isinstance(layer_config, dict) else None)
        if not isinstance(name, str):
            raise ctx.error(f"model '{model_name}': a layer of class "
                            f"{layer_data.get('class_name')} has no name.")
        if name in created:
            raise ctx.error(f"model '{model_name}': two layers are named '{name}'; layer names "
                            "must be unique.")
        layer = deserialize(layer_data, ctx, layout)
        created[name] = layer
        entries.append((name, layer_data, layer))
        nodes = layer_data.get("inbound_nodes", [])
        if nodes is None:
            nodes = []
        if not isinstance(nodes, list):
            raise ctx.error(f"layer '{name}' ({layer_data.get('class_name')}): inbound_nodes is "
                            f"a {type(nodes).__name__}, expected a list.")
        if nodes:
            unprocessed[name] = list(nodes)
    return created, entries, unprocessed
