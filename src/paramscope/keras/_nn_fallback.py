"""The few ``keras.ops`` operations the losses and metrics need, for as long as
``paramscope.ops`` does not provide them (keras/src/ops/nn.py, Keras 3.15): the losses use
``keras.ops``'s own function whenever it exists.  Same class names, so a graph's rows match.
"""

from __future__ import annotations

from ..errors import ShapeError
from ..shapes import canonicalize_axis


def _operation_classes():
    from ..layers.base import KerasTensor
    from ..ops import Operation

    class BinaryCrossentropy(Operation):
        def __init__(self, from_logits=False, name=None):
            super().__init__(name)
            self.from_logits = from_logits

        def compute_output_spec(self, target, output):
            if tuple(target.shape) != tuple(output.shape):
                raise ShapeError(
                    "Arguments `target` and `output` must have the same shape. Received: "
                    f"target.shape={tuple(target.shape)}, output.shape={tuple(output.shape)}")
            return KerasTensor(output.shape, dtype=output.dtype)

    class CategoricalCrossentropy(BinaryCrossentropy):
        def __init__(self, from_logits=False, axis=-1, name=None):
            super().__init__(from_logits, name)
            self.axis = axis

        def compute_output_spec(self, target, output):
            super().compute_output_spec(target, output)
            if len(target.shape) < 1:
                raise ShapeError("Arguments `target` and `output` must be at least rank 1.")
            return KerasTensor(output.shape[:-1], dtype=output.dtype)

    class SparseCategoricalCrossentropy(CategoricalCrossentropy):
        def compute_output_spec(self, target, output):
            if len(output.shape) < 1:
                raise ShapeError("Argument `output` must be at least rank 1. Received: "
                                 f"output.shape={tuple(output.shape)}")
            axis = canonicalize_axis(self.axis, len(output.shape))
            target_shape = tuple(target.shape)
            if len(target_shape) == len(output.shape) and target_shape[-1] == 1:
                target_shape = target_shape[:-1]
            without_class = tuple(output.shape[:axis]) + tuple(output.shape[axis + 1:])
            if target_shape != without_class:
                raise ShapeError(
                    "Arguments `target` and `output` must have the same shape up until the "
                    f"last dimension: target.shape={tuple(target.shape)}, "
                    f"output.shape={tuple(output.shape)}")
            return KerasTensor(without_class, dtype=output.dtype)

    class OneHot(Operation):
        def __init__(self, num_classes, axis=-1, dtype=None, sparse=False, name=None):
            super().__init__(name)
            self.num_classes, self.axis, self.dtype = num_classes, axis, dtype

        def compute_output_spec(self, x):
            shape = list(x.shape)
            if self.axis == -1:
                shape.append(self.num_classes)
            elif 0 <= self.axis < len(shape):
                shape.insert(self.axis, self.num_classes)
            else:
                raise ShapeError(f"axis must be -1 or between [0, {len(shape)}), but received "
                                 f"{self.axis}.")
            return KerasTensor(tuple(shape), dtype=self.dtype)

    class DivideNoNan(Operation):
        def compute_output_spec(self, x1, x2):
            from ..shapes import broadcast_shapes
            shape = broadcast_shapes(tuple(getattr(x1, "shape", ())),
                                     tuple(getattr(x2, "shape", ())))
            dtype = getattr(x1, "dtype", None) or getattr(x2, "dtype", "float32")
            return KerasTensor(shape, dtype=dtype)

    class Normalize(Operation):
        def __init__(self, axis=-1, order=2, epsilon=None, name=None):
            super().__init__(name)
            self.axis, self.order, self.epsilon = axis, order, epsilon

        def compute_output_spec(self, x):
            return KerasTensor(x.shape)  # (Keras gives the default dtype)

    class InTopK(Operation):
        def __init__(self, k, name=None):
            super().__init__(name)
            self.k = k

        def compute_output_spec(self, targets, predictions):
            return KerasTensor(targets.shape, dtype="bool")

    return {"in_top_k": InTopK, "normalize": Normalize, "binary_crossentropy": BinaryCrossentropy,
            "categorical_crossentropy": CategoricalCrossentropy,
            "sparse_categorical_crossentropy": SparseCategoricalCrossentropy,
            "one_hot": OneHot, "divide_no_nan": DivideNoNan}


_classes = {}


def function(name):
    """The fallback ``keras.ops.<name>`` (symbolic tensors only), or None."""
    if not _classes:
        _classes.update(_operation_classes())
    cls = _classes.get(name)
    if cls is None:
        return None

    def call(*args, **kwargs):
        from ..errors import NeedsComputationError
        from ..layers.base import KerasTensor
        if not any(isinstance(a, KerasTensor) for a in list(args) + list(kwargs.values())):
            raise NeedsComputationError(f"keras.ops.{name} on concrete values needs real "
                                        "computation.")
        if name in ("binary_crossentropy", "categorical_crossentropy",
                    "sparse_categorical_crossentropy"):
            target = kwargs.pop("target", args[0] if args else None)
            output = kwargs.pop("output", args[1] if len(args) > 1 else None)
            return cls(**kwargs)(target, output)
        if name == "one_hot":
            from ..dtypes import standardize_dtype
            x, num_classes = args[0], kwargs.pop("num_classes", args[1] if len(args) > 1 else None)
            kwargs["dtype"] = standardize_dtype(kwargs.get("dtype"))
            return cls(num_classes, **kwargs)(x)
        if name == "in_top_k":
            k = kwargs.pop("k", args[2] if len(args) > 2 else None)
            return cls(k)(args[0], args[1])
        if name == "normalize":
            return cls(**kwargs)(args[0])
        return cls()(*args, **kwargs)
    call.__name__ = name
    return call
