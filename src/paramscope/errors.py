"""One exception family.

``ParamscopeError`` is a *user* error: bad input, a model that cannot be built,
a file that is not a model.  The CLI prints its message and exits with code 2.
Anything else escaping paramscope is a bug in paramscope.

Low-level code (``shapes.py``, argument checks) raises short facts; the layer
call re-raises them with the layer's name, type and the shapes it received
(the einops habit: the entry point adds the context).
"""

from __future__ import annotations


class ParamscopeError(ValueError):
    """A user error: what was received, what was expected, how to fix it.

    Subclasses ``ValueError`` so code written for Keras (``except ValueError``)
    keeps working when it runs on paramscope.
    """


class ShapeError(ParamscopeError):
    """A shape computation is impossible (e.g. an empty convolution output)."""


class LayerError(ParamscopeError):
    """A layer cannot be constructed or built.  Carries the layer it names."""

    def __init__(self, message: str, layer=None):
        super().__init__(message)
        self.layer = layer


class ModelFileError(ParamscopeError):
    """A model file (or JSON config) cannot be read."""


class UnknownLayerError(ParamscopeError):
    """A layer class that paramscope does not know."""


class MissingAPIError(ParamscopeError, AttributeError):
    """A Keras name paramscope does not provide (``hasattr`` is False for it)."""


class NotInKerasError(MissingAPIError):
    """A name that Keras 3 itself does not have: the script would stop in Keras too."""


class NeedsComputationError(ParamscopeError):
    """A Keras call that needs real tensors (fit, predict, ...)."""


class ModelComputationError(NeedsComputationError):
    """Running a model (``fit``, ``predict``, ``evaluate``, ``save``...): it needs tensors,
    and it does not change the model's layers or weights' shapes."""


class GraphModeError(NeedsComputationError, RuntimeError):
    """TensorFlow 1 graph-mode code (``K.gradients``): TensorFlow 2 raises RuntimeError
    outside a ``tf.function``, and paramscope does not compute it either."""


class MissingDependencyError(ParamscopeError):
    """An optional dependency (h5py, numpy) is needed but not installed."""


def with_message(error: ParamscopeError, message: str) -> ParamscopeError:
    """A copy of ``error`` (same class and attributes) with another message."""
    new = type(error).__new__(type(error))
    new.__dict__.update(getattr(error, "__dict__", {}))
    new.args = (message,)
    return new


def describe_layer(layer) -> str:
    """``'dense_1' (Dense)`` for messages."""
    return f"'{layer.name}' ({type(layer).__name__})"


def format_shape(shape) -> str:
    """Shapes in messages are Python tuples: ``(None, 3)``, ``(None,)``."""
    if isinstance(shape, list):
        return "[" + ", ".join(format_shape(s) for s in shape) + "]"
    if isinstance(shape, dict):
        return "{" + ", ".join(f"{k!r}: {format_shape(v)}" for k, v in shape.items()) + "}"
    if isinstance(shape, tuple):
        from .numtext import shape_text
        return shape_text(shape)
    return repr(shape)


class KerasNotImplementedError(NotImplementedError, ParamscopeError):
    """Keras 3 itself raises NotImplementedError here (``Functional.add_loss``,
    ``Layer.add_metric``): the script would stop in Keras too."""
