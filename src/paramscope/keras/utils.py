"""``keras.utils``: what building and summarising models needs; data helpers say they need
the data (``image_dataset_from_directory``, ``get_file``: nothing is read or downloaded)."""

from __future__ import annotations

from ..errors import NeedsComputationError
from . import _api
from .backend import clear_session, is_keras_tensor, standardize_dtype
from .saving import (CustomObjectScope, custom_object_scope, deserialize_keras_object,
                     get_custom_objects, get_registered_name, get_registered_object,
                     register_keras_serializable, serialize_keras_object)
from .config import (disable_interactive_logging, enable_interactive_logging,
                     is_interactive_logging_enabled)


def plot_model(model, to_file="model.png", show_shapes=False, show_dtype=False,
               show_layer_names=False, rankdir="TB", expand_nested=False, dpi=200,
               show_layer_activations=False, show_trainable=False, splines="ortho", **kwargs):
    """Keras's plot_model, drawn by paramscope (no pydot, no Graphviz): ``to_file`` ending
    in .svg gets SVG, .dot DOT text; another name (``model.png``) gets the SVG beside it,
    with a note on stderr.  See :func:`paramscope.diagram.plot.plot_model`."""
    from ..diagram.plot import plot_model as draw
    return draw(model, to_file=to_file, show_shapes=show_shapes, show_dtype=show_dtype,
                show_layer_names=show_layer_names, rankdir=rankdir,
                expand_nested=expand_nested, dpi=dpi,
                show_layer_activations=show_layer_activations, show_trainable=show_trainable,
                splines=splines, **kwargs)


def set_random_seed(seed):
    """Accepted (nothing here is random)."""


def _needs_data(name):
    def function(*args, **kwargs):
        _api.bind(_api.entry("keras.utils", name)[3], args, kwargs, name)
        raise NeedsComputationError(
            f"keras.utils.{name}() works on data (files, arrays), which paramscope does not "
            "load: it computes shapes and parameter counts. Build the model before loading "
            "the data (or summarise a saved model file).")
    function.__name__ = function.__qualname__ = name
    return function


#: keras.utils functions that fetch, read or transform data.
DATA_FUNCTIONS = ("get_file", "image_dataset_from_directory", "text_dataset_from_directory",
                  "audio_dataset_from_directory", "timeseries_dataset_from_array", "load_img",
                  "img_to_array", "array_to_img", "save_img", "normalize", "split_dataset")

for _name in DATA_FUNCTIONS:
    globals()[_name] = _needs_data(_name)


def to_categorical(x, num_classes=None):
    """One-hot labels: on a dataset known by its shape, the one-hot shape."""
    from ._data import to_categorical as shaped
    return shaped(x, num_classes)


def pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre",
                  value=0.0):
    """Padded sequences: on a dataset known by its shape, ``(samples, maxlen)``."""
    from ._data import pad_sequences as shaped
    return shaped(sequences, maxlen, dtype)


def get_source_inputs(tensor):
    """The ``keras.Input`` tensors a symbolic tensor is computed from (Keras's order)."""
    history = getattr(tensor, "_keras_history", None)
    if history is None or history.operation is None:
        return tensor
    node = history.operation._inbound_nodes[history.node_index]
    if node.is_input:
        return [tensor]
    found = []
    for x in node.input_tensors:
        for source in get_source_inputs(x):
            if all(source is not other for other in found):
                found.append(source)
    return found


def pack_x_y_sample_weight(x, y=None, sample_weight=None):
    if y is None:
        if not isinstance(x, (tuple, list)):
            return x
        return (x,)
    if sample_weight is None:
        return (x, y)
    return (x, y, sample_weight)


def unpack_x_y_sample_weight(data):
    if isinstance(data, list):
        data = tuple(data)
    if not isinstance(data, tuple):
        return (data, None, None)
    if len(data) == 1:
        return (data[0], None, None)
    if len(data) == 2:
        return (data[0], data[1], None)
    if len(data) == 3:
        return (data[0], data[1], data[2])
    from ..errors import ParamscopeError
    raise ParamscopeError("Data is expected to be in format `x`, `(x,)`, `(x, y)`, or "
                          f"`(x, y, sample_weight)`, found: {data}")


def __getattr__(name):
    return _api.missing_name("keras.utils", name)


def __dir__():
    return sorted(set(_api.public_names("keras.utils")) | set(globals()))
