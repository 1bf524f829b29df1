"""paramscope: Keras-exact parameter counts, output shapes and summaries.

No TensorFlow, JAX or PyTorch: every count comes from weight shapes, every
shape from :mod:`paramscope.shapes`.

>>> from paramscope.keras import Sequential, layers
>>> model = Sequential([layers.Input((2,)), layers.Dense(3), layers.Dense(2)])
>>> summarize(model).total_params
17
"""

from __future__ import annotations

from .errors import ParamscopeError

__version__ = "0.1.0"


def summarize(model, with_explain=True):
    """The plain :class:`~paramscope.summary.ModelSummary` of a model."""
    from .summary import summarize as _summarize
    return _summarize(model, with_explain=with_explain)


def load(source, **kwargs):
    """A model from a file (``.keras``, ``.h5``, ``.json``), a JSON string or a config dict."""
    from .formats import load as _load
    return _load(source, **kwargs)


def load_config(config, **kwargs):
    """A model from a config dict (``model.get_config()`` or ``json.loads(model.to_json())``)."""
    from .formats import load_config as _load_config
    return _load_config(config, **kwargs)


def register_layer(*args, **kwargs):
    """Declare a custom layer's output shape and weights; see :func:`paramscope.custom.register_layer`."""
    from .custom import register_layer as _register
    return _register(*args, **kwargs)


def plot_model(model, to_file="model.png", **kwargs):
    """Draw the model as Keras's ``keras.utils.plot_model`` does, without Graphviz: SVG (or
    DOT for a ``.dot`` file); see :func:`paramscope.diagram.plot.plot_model`."""
    from .diagram.plot import plot_model as _plot_model
    return _plot_model(model, to_file=to_file, **kwargs)


def profile(model, batch_size=1, optimizer=None, explain=False):
    """MACs, FLOPs and memory of a model; see :func:`paramscope.costs.profile.profile`."""
    from .costs.profile import profile as _profile
    return _profile(model, batch_size=batch_size, optimizer=optimizer, explain=explain)


def diff(a, b):
    """Two models compared layer by layer; see :func:`paramscope.costs.diff.diff`."""
    from .costs.diff import diff as _diff
    return _diff(a, b)


__all__ = ["summarize", "profile", "diff", "load", "load_config", "register_layer", "plot_model",
           "ParamscopeError", "__version__"]
