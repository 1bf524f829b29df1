"""Keras model configs -> paramscope models, rebuilt the way Keras rebuilds them.

The work is split by job:

* :mod:`.decoding`: the config's JSON values (Keras's serialized special values made safe
  Python values, never evaluated), the layout (Keras 3 or tf.keras), the load's context;
* :mod:`.rebuild`: Sequential and Functional models from their entries, with
  :mod:`.nodes` (one node reader per layout) and :mod:`.replay` (Keras's call order);
* :mod:`.construct`: one layer from its entry (the class, its cleaned config, its build).

Layers are created in config order through the registry; their calls are
replayed in config order, a call whose inputs do not exist yet waiting for a
later pass (Keras's ``IndexError`` retry loop), so node indices, layer order
and "Connected to" come out as Keras prints them after loading.

Nothing in a config is ever executed: a Lambda's function (bytecode or name)
is kept as inert data and its output shape is the declared one.
"""

from __future__ import annotations

import warnings

from .. import gcpause
from ..errors import ModelFileError, ParamscopeError
from ..layers import args as layer_args
from ..modes import current_load_context, loading
from . import safejson
from .construct import ELEMENTWISE_OPS, LAMBDA_DEP_ARGS, FileLayer
from .decoding import (KERAS2, KERAS3, FileConstant, LoadContext, decode_value, model_entry,
                       with_source)
from .rebuild import MAX_MODEL_DEPTH, deserialize, functional_from_config, sequential_from_config
from .replay import NotReady

__all__ = ["model_from_config", "layer_from_config", "deserialize_layer", "deserialize",
           "functional_from_config", "sequential_from_config", "LoadContext", "FileConstant",
           "FileLayer", "decode_value", "KERAS2", "KERAS3", "MAX_MODEL_DEPTH", "ELEMENTWISE_OPS",
           "LAMBDA_DEP_ARGS"]


def deserialize_layer(config):
    """An inner layer from its config, inside a layer class's ``from_config``.

    For wrappers (``Bidirectional``, ``TimeDistributed``...) whose config holds
    another layer's ``{"class_name", "config"}``: it is created with the same
    options, notes and leniency as the file being loaded (or standalone).
    """
    ctx = current_load_context()
    if ctx is None:
        return layer_from_config(config)
    # The file's layout (a tf.keras file's legacy values, e.g. BatchNormalization's axis
    # [1]) applies to the inner layers too.
    return deserialize(config, ctx, ctx.layout_hint)


def model_from_config(config, ctx=None, allow_layer=False):
    """Rebuild the model a config describes (``keras.models.model_from_config``)."""
    ctx = ctx or LoadContext()
    entry = model_entry(config, ctx)
    try:
        with loading(ctx), layer_args.lenient_identifiers(ctx.notes), \
                warnings.catch_warnings(), gcpause.paused():
            warnings.simplefilter("ignore")
            obj = deserialize(entry, ctx)
    except RecursionError:
        raise (_too_deep(config, ctx)
               or ctx.error("the model is nested too deeply to rebuild.")) from None
    except NotReady as e:  # pragma: no cover - always caught inside the node loop
        raise ctx.error(f"a call refers to node {e.node_index} of layer '{e.layer_name}', "
                        "which does not exist.") from None
    except ParamscopeError as e:
        raise _too_deep(config, ctx) or with_source(e, ctx) from None
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, ArithmeticError) as e:
        # Untrusted input must never crash the loader; this is still a paramscope
        # bug (the value should have been checked): say so.
        raise _too_deep(config, ctx) or ctx.error(
            f"the config could not be read ({type(e).__name__}: {e}); it has a value "
            "paramscope did not expect. If Keras loads this file, please report it "
            "as a paramscope bug.") from None
    from ..graph import Model
    if not isinstance(obj, Model):
        if allow_layer:
            return obj
        raise ctx.error(
            f"this is the config of a single layer ({entry.get('class_name')}), not of a model; "
            "paramscope summarises Sequential and Functional models.")
    for note in ctx.notes:
        if note not in obj._warnings:
            obj._warnings.append(note)
    return obj


def _too_deep(config, ctx):
    """The error for a config nested deeper than any Keras model's, else None.

    Checked when rebuilding fails (a well-formed config is never walked twice): a
    document that deep is refused as such, whatever tripped over it first.
    """
    try:
        safejson.check_depth(config, ctx.source or "<config>")
    except ModelFileError as e:
        return e
    return None


def layer_from_config(config, ctx=None):
    """``keras.layers.deserialize``: one layer (or model) from its config."""
    ctx = ctx or LoadContext()
    if not isinstance(config, dict) or "class_name" not in config:
        raise ctx.error("expected a layer config {\"class_name\": ..., \"config\": {...}}.")
    return model_from_config(config, ctx, allow_layer=True)
