"""tf-keras's TensorFlow-operation layers: ``TFOpLambda`` and ``SlicingOpLambda``.

In tf-keras 2 a TensorFlow function called on symbolic tensors (``x + 3.0``,
``tf.math.reduce_mean(x, axis=[1, 2])``, ``x[:, 0]``) becomes a layer in the
functional graph (``tf_keras/src/layers/core/tf_op_layer.py``).  Its config
records the op's canonical TensorFlow name (``"function": "math.multiply"``),
and its call in the inbound node: the first argument (a tensor, a constant or
a list of tensors) positionally, every other argument by the TF function's
parameter name (``{"y": 3.0, "name": null}``).

paramscope never runs TensorFlow: each op it knows maps to a shape rule
(:mod:`paramscope.layers._tfop_rules`, built on :mod:`paramscope.shapes`: broadcasting for the
elementwise ops, ``reduce_shape`` for reductions, ``reshape_output_shape``,
``getitem_shape`` for slicing...), with the values TensorFlow infers for small integer
tensors (``tf.shape(x)[1] * 2``).  An op it does not know is a
:class:`~paramscope.errors.LayerError` naming the layer and the op, unless the
load was told to assume it passes its input through (``--assume-passthrough
tf.foo.bar``, the layer's name, or ``TFOpLambda``).  These layers have no
weights; the summary shows them as tf-keras does (``tf.math.multiply
(TFOpLambda)``).
"""

from __future__ import annotations

from .. import tree
from ..errors import LayerError, ParamscopeError, ShapeError, describe_layer
# The TensorFlow rules (a large table) load when a TFOpLambda is made, not with the layers:
# a script's `from keras.layers import *` must not pay for them.
from ._tfop_values import inferred_value
from .base import KerasTensor, Layer

__all__ = ["TFOpLambda", "SlicingOpLambda", "AddLoss"]


def tf_outputs(symbol, shape, dtype, first, kwargs):
    """Symbolic outputs of a TensorFlow operation: one per shape of the structure, with
    the values TensorFlow infers for a small integer result (``tf.shape(x)``)."""
    if isinstance(dtype, (tuple, list)):  # several outputs of different dtypes (top_k)
        return type(shape)(KerasTensor(s, dtype=d) for s, d in zip(shape, dtype))
    outputs = tree.map_shape_structure(lambda s: KerasTensor(s, dtype=dtype), shape)
    if isinstance(outputs, KerasTensor):
        values = inferred_value(symbol, first, kwargs, shape, dtype)
        if values is not None:
            outputs._inferred_value = values
    return outputs


# ---------------------------------------------------------------------------
# the layers
# ---------------------------------------------------------------------------
def _assumed_passthrough(name, function):
    """``--assume-passthrough`` from the file being loaded: the op, the layer or the class."""
    from ..modes import current_load_context
    ctx = current_load_context()
    if ctx is None:
        return False
    keys = {"TFOpLambda", name, function, f"tf.{function}"}
    if keys & ctx.assume:
        ctx.note(f"layer '{name}' (TFOpLambda, TensorFlow operation tf.{function}) is unknown to "
                 "paramscope and was assumed to pass its input shape through, with no weights "
                 "(--assume-passthrough).")
        return True
    return False


class TFOpLambda(Layer):
    """A TensorFlow operation on symbolic tensors in a tf-keras functional model."""

    _kind = "TFOpLambda"
    #: tf.keras passes the op's first argument positionally, tensor or not (``1.0 - x``).
    _allow_non_tensor_positional_args = True

    def __init__(self, function, **kwargs):
        kwargs.setdefault("name", None)
        if kwargs["name"] is None and isinstance(function, str):
            kwargs["name"] = f"tf.{function}"
        super().__init__(**kwargs)
        if not isinstance(function, str) or not function:
            raise LayerError(
                f"{self._kind} {describe_layer(self)}: `function` must be the name of a "
                f"TensorFlow API symbol such as 'math.multiply'. Received: function={function!r}")
        self.function = function[3:] if function.startswith("tf.") else function
        from ._tfop_rules import TF_OPS, dtype_of, shape_of
        entry = TF_OPS.get(self.function)
        self._passthrough = False
        if entry is None:
            if not _assumed_passthrough(self.name, self.function):
                raise LayerError(
                    f"layer '{self.name}' ({self._kind}) records the TensorFlow operation "
                    f"tf.{self.function}, whose output shape paramscope does not know. If it "
                    f"keeps its input's shape, pass --assume-passthrough tf.{self.function} "
                    f"(paramscope.load(..., assume_passthrough=['tf.{self.function}'])).", self)
            self._passthrough = True
            entry = (("x",), lambda x, kw: (shape_of(x), dtype_of(x)))
        self._first_names, self._rule = entry

    def _bind_call(self, args, kwargs):
        tensors = [x for x in tree.flatten((list(args), kwargs)) if isinstance(x, KerasTensor)]
        return {"inputs": tensors[0] if len(tensors) == 1 else tensors}, {}

    def compute_output_spec(self, *args, **kwargs):
        kwargs = dict(kwargs)
        kwargs.pop("name", None)
        from ._tfop_rules import MISSING, first_arg
        first = args[0] if args else MISSING
        extra = list(args[1:])
        try:
            first = first_arg(first, kwargs, *self._first_names)
            if extra:
                raise ShapeError(f"{len(args)} positional arguments (tf-keras passes one; the "
                                 "others are named)")
            shape, dtype = self._rule(first, kwargs)
        except ShapeError as e:
            raise LayerError(
                f"layer '{self.name}' ({self._kind}, tf.{self.function}) cannot compute its "
                f"output shape: {e}.", self) from None
        except (TypeError, ValueError, IndexError, KeyError, ParamscopeError) as e:
            if isinstance(e, LayerError):
                raise
            raise LayerError(
                f"layer '{self.name}' ({self._kind}, tf.{self.function}) has call arguments "
                f"paramscope cannot read ({type(e).__name__}: {e}).", self) from None
        return tf_outputs(self.function, shape, dtype, first, kwargs)

    def get_config(self):
        config = super().get_config()
        config["function"] = self.function
        return config


class SlicingOpLambda(TFOpLambda):
    """``x[...]`` (``tf.__operators__.getitem``) and boolean masks in tf-keras models."""

    _kind = "SlicingOpLambda"


class AddLoss(Layer):
    """tf-keras's ``AddLoss`` (``tf_keras/src/engine/base_layer.py``): what
    ``Model.add_loss(symbolic_tensor)`` inserts into a Functional model; it returns its
    input and has no weights."""

    def __init__(self, unconditional=False, **kwargs):
        kwargs.pop("autocast", None)
        super().__init__(**kwargs)
        self.unconditional = unconditional

    def compute_output_spec(self, inputs):
        return KerasTensor(inputs.shape, dtype=inputs.dtype)

    def get_config(self):
        config = super().get_config()
        config["unconditional"] = self.unconditional
        return config
