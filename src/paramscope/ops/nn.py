"""``keras.ops.nn`` (``keras/src/ops/nn.py``): activations, convolutions, pooling,
normalizations, one-hot encodings, losses, attention, with Keras's shape and dtype rules."""

from __future__ import annotations

import warnings

from ..backend_config import image_data_format
from ..dtypes import floatx
from ..layers.base import KerasTensor
from ._base import Operation, call, is_symbolic
from ._dtypes import standardize_dtype
from ._shapes import (OpShapeError, OpTypeError, canonicalize_axes, canonicalize_axis,
                      check_conv_input_channels, compute_conv_output_shape,
                      compute_conv_transpose_output_shape, compute_pooling_output_shape)
from .numpy_math import ElementwiseUnary, define

__all__ = []


def standardize_data_format(data_format):
    if data_format is None:
        return image_data_format()
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise OpShapeError("The `data_format` argument must be one of {'channels_first', "
                           f"'channels_last'}}. Received: data_format={data_format}")
    return data_format


# --------------------------------------------------------------------------------------
# activations: the shape and dtype of the input
# --------------------------------------------------------------------------------------

#: class name -> (function name, constructor parameters with defaults)
ACTIVATIONS = {
    "Relu": ("relu", ()), "Relu6": ("relu6", ()), "Sigmoid": ("sigmoid", ()),
    "SparseSigmoid": ("sparse_sigmoid", ()), "Softplus": ("softplus", ()),
    "Softsign": ("softsign", ()), "SoftShrink": ("soft_shrink", (("threshold", 0.5),)),
    "SparsePlus": ("sparse_plus", ()), "Silu": ("silu", ()),
    "Squareplus": ("squareplus", (("b", 4),)), "LogSigmoid": ("log_sigmoid", ()),
    "LeakyRelu": ("leaky_relu", (("negative_slope", 0.2),)),
    "HardSigmoid": ("hard_sigmoid", ()), "HardSilu": ("hard_silu", ()),
    "Elu": ("elu", (("alpha", 1.0),)), "Selu": ("selu", ()),
    "Gelu": ("gelu", (("approximate", True),)), "Celu": ("celu", (("alpha", 1.0),)),
    "TanhShrink": ("tanh_shrink", ()), "HardTanh": ("hard_tanh", ()),
    "HardShrink": ("hard_shrink", (("threshold", 0.5),)),
}


def _activation_init(params):
    def __init__(self, *args, name=None, **kwargs):
        ElementwiseUnary.__init__(self, name=name)
        values = dict(params)
        for (key, _), value in zip(params, args):
            values[key] = value
        values.update(kwargs)
        for key, value in values.items():
            setattr(self, key, value)
    return __init__


def _activation_function(fn_name, cls, params):
    def function(x, *args, **kwargs):
        if len(args) > len(params):
            raise OpTypeError(f"{fn_name}() takes from 1 to {len(params) + 1} positional "
                              f"arguments but {len(args) + 1} were given")
        values = [v for _, v in params]
        for i, value in enumerate(args):
            values[i] = value
        for i, (key, _) in enumerate(params):
            if key in kwargs:
                values[i] = kwargs.pop(key)
        if kwargs:
            raise OpTypeError(f"{fn_name}() got an unexpected keyword argument "
                            f"{next(iter(kwargs))!r}")
        return call(cls, (x,), **dict(zip([k for k, _ in params], values)))
    function.__name__ = function.__qualname__ = fn_name
    shown = "".join(f", {k}={v!r}" for k, v in params)
    function.__doc__ = f"``keras.ops.{fn_name}(x{shown})``."
    return function


#: On concrete integers JAX's ``sigmoid``/``silu`` fail; ``relu``, ``hard_tanh`` keep the dtype; the
#: others compute in floatx.
_CONCRETE_KINDS = {"Relu": None, "HardTanh": None, "Sigmoid": "float_only", "Silu": "float_only"}

for _cls_name, (_fn_name, _params) in ACTIVATIONS.items():
    _cls = define(_cls_name, ElementwiseUnary, __all__, globals(),
                  __init__=_activation_init(_params),
                  concrete_kind=_CONCRETE_KINDS.get(_cls_name, "floats_ints"))
    globals()[_fn_name] = _activation_function(_fn_name, _cls, _params)
    __all__.append(_fn_name)


def swish(x):
    """``keras.ops.swish``: Keras's ``silu``."""
    return silu(x)  # noqa: F821 - defined above


def hard_swish(x):
    """``keras.ops.hard_swish``: Keras's ``hard_silu``."""
    return hard_silu(x)  # noqa: F821 - defined above


def _float_result_on_integers(out):
    """JAX computes these activations of concrete integers in floatx."""
    dtype = standardize_dtype(out.dtype)
    if "int" in dtype or dtype == "bool":
        return KerasTensor(out.shape, dtype=floatx())
    return out


class Glu(Operation):
    def __init__(self, axis=-1, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def concrete_output_spec(self, x):
        from .numpy_math import concrete_dtype_check
        concrete_dtype_check("logistic", x, "float")
        return self.compute_output_spec(x)

    def compute_output_spec(self, x):
        shape = list(x.shape)
        if shape[self.axis] is not None:
            if shape[self.axis] % 2 != 0:
                raise OpShapeError(f"axis size must be divisible by 2. Received: "
                                   f"x.shape={x.shape} with axis={self.axis}")
            shape[self.axis] = shape[self.axis] // 2
        return KerasTensor(shape, dtype=x.dtype)


def glu(x, axis=-1):
    return call(Glu, (x,), axis=axis)


class Threshold(Operation):
    def __init__(self, threshold, default_value, *, name=None):
        super().__init__(name=name)
        self.threshold, self.default_value = threshold, default_value

    def compute_output_spec(self, x):
        return KerasTensor(x.shape, dtype=x.dtype)


def threshold(x, threshold, default_value):
    return call(Threshold, (x,), threshold=threshold, default_value=default_value)


class Softmax(Operation):
    def __init__(self, axis=-1, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def concrete_output_spec(self, x):
        return _float_result_on_integers(self.compute_output_spec(x))

    def compute_output_spec(self, x):
        if self.axis is not None:
            canonicalize_axes(self.axis, len(x.shape))
        return KerasTensor(x.shape, dtype=x.dtype)


class LogSoftmax(Softmax):
    pass


def softmax(x, axis=-1):
    if isinstance(axis, int) and -len(x.shape) <= axis < len(x.shape) and x.shape[axis] == 1:
        warnings.warn(
            f"You are using a softmax over axis {axis} of a tensor of shape {x.shape}. This "
            "axis has size 1. The softmax operation will always return the value 1, which is "
            "likely not what you intended. Did you mean to use a sigmoid instead?")
    return call(Softmax, (x,), axis=axis)


def log_softmax(x, axis=-1):
    return call(LogSoftmax, (x,), axis=axis)


class Sparsemax(Softmax):
    def compute_output_spec(self, x):
        canonicalize_axis(self.axis, len(x.shape))
        return KerasTensor(x.shape, dtype=x.dtype)


def sparsemax(x, axis=-1):
    return call(Sparsemax, (x,), axis=axis)


__all__ += ["swish", "hard_swish", "Glu", "glu", "Threshold", "threshold", "Softmax",
            "softmax", "LogSoftmax", "log_softmax", "Sparsemax", "sparsemax"]


# --------------------------------------------------------------------------------------
# pooling and convolution
# --------------------------------------------------------------------------------------

class MaxPool(Operation):
    def __init__(self, pool_size, strides=None, padding="valid", data_format=None, *,
                 name=None):
        super().__init__(name=name)
        self.pool_size, self.strides = pool_size, strides
        self.padding, self.data_format = padding.lower(), data_format

    def compute_output_spec(self, inputs):
        shape = compute_pooling_output_shape(inputs.shape, self.pool_size, self.strides,
                                             self.padding, self.data_format)
        return KerasTensor(shape, dtype=inputs.dtype)


class AveragePool(MaxPool):
    pass


def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    data_format = standardize_data_format(data_format)
    return call(MaxPool, (inputs,), pool_size=pool_size, strides=strides,
                padding=padding.lower(), data_format=data_format)


def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    data_format = standardize_data_format(data_format)
    return call(AveragePool, (inputs,), pool_size=pool_size, strides=strides,
                padding=padding.lower(), data_format=data_format)


class AdaptiveMaxPool(Operation):
    def __init__(self, output_size, data_format=None, *, name=None):
        super().__init__(name=name)
        self.output_size, self.data_format = output_size, data_format

    def compute_output_spec(self, inputs):
        size = tuple(self.output_size)
        if self.data_format == "channels_last":
            shape = tuple(inputs.shape[:-len(size)]) + size + (inputs.shape[-1],)
        else:
            shape = (inputs.shape[0], inputs.shape[1]) + size
        return KerasTensor(shape, dtype=inputs.dtype)


class AdaptiveAveragePool(AdaptiveMaxPool):
    pass


def adaptive_max_pool(inputs, output_size, data_format=None):
    return call(AdaptiveMaxPool, (inputs,), output_size=output_size,
                data_format=data_format or image_data_format())


def adaptive_average_pool(inputs, output_size, data_format=None):
    return call(AdaptiveAveragePool, (inputs,), output_size=output_size,
                data_format=data_format or image_data_format())


class Conv(Operation):
    def __init__(self, strides=1, padding="valid", data_format=None, dilation_rate=1, *,
                 name=None):
        super().__init__(name=name)
        self.strides, self.padding = strides, padding.lower()
        self.data_format, self.dilation_rate = data_format, dilation_rate

    def _conv_shape(self, inputs, kernel, filters):
        data_format = standardize_data_format(self.data_format)
        check_conv_input_channels(inputs, kernel, data_format)
        return compute_conv_output_shape(inputs.shape, filters, kernel.shape[:-2], self.strides,
                                         self.padding, data_format, self.dilation_rate)

    def compute_output_spec(self, inputs, kernel):
        return KerasTensor(self._conv_shape(inputs, kernel, kernel.shape[-1]),
                           dtype=inputs.dtype)


class DepthwiseConv(Conv):
    def compute_output_spec(self, inputs, kernel):
        filters = kernel.shape[-1] * kernel.shape[-2]
        return KerasTensor(self._conv_shape(inputs, kernel, filters), dtype=inputs.dtype)


class SeparableConv(Conv):
    def compute_output_spec(self, inputs, depthwise_kernel, pointwise_kernel):
        data_format = standardize_data_format(self.data_format)
        filters = depthwise_kernel.shape[-1] * depthwise_kernel.shape[-2]
        shape = list(self._conv_shape(inputs, depthwise_kernel, filters))
        shape[-1 if data_format == "channels_last" else 1] = pointwise_kernel.shape[-1]
        return KerasTensor(shape, dtype=inputs.dtype)


class ConvTranspose(Operation):
    def __init__(self, strides=1, padding="valid", output_padding=None, data_format=None,
                 dilation_rate=1, *, name=None):
        super().__init__(name=name)
        self.strides, self.output_padding = strides, output_padding
        self.padding, self.data_format = padding.lower(), data_format
        self.dilation_rate = dilation_rate

    def compute_output_spec(self, inputs, kernel):
        data_format = standardize_data_format(self.data_format)
        check_conv_input_channels(inputs, kernel, data_format, transpose=True)
        shape = compute_conv_transpose_output_shape(
            inputs.shape, kernel.shape[:-2], kernel.shape[-2], self.strides, self.padding,
            self.output_padding, data_format, self.dilation_rate)
        return KerasTensor(shape, dtype=inputs.dtype)


def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    return call(Conv, (inputs, kernel), check=(inputs,), strides=strides,
                padding=padding.lower(), data_format=standardize_data_format(data_format),
                dilation_rate=dilation_rate)


def depthwise_conv(inputs, kernel, strides=1, padding="valid", data_format=None,
                   dilation_rate=1):
    return call(DepthwiseConv, (inputs, kernel), strides=strides, padding=padding.lower(),
                data_format=standardize_data_format(data_format), dilation_rate=dilation_rate)


def separable_conv(inputs, depthwise_kernel, pointwise_kernel, strides=1, padding="valid",
                   data_format=None, dilation_rate=1):
    return call(SeparableConv, (inputs, depthwise_kernel, pointwise_kernel), check=(inputs,),
                strides=strides, padding=padding.lower(),
                data_format=standardize_data_format(data_format), dilation_rate=dilation_rate)


def conv_transpose(inputs, kernel, strides=1, padding="valid", output_padding=None,
                   data_format=None, dilation_rate=1):
    return call(ConvTranspose, (inputs, kernel), check=(inputs,), strides=strides,
                padding=padding.lower(), output_padding=output_padding,
                data_format=standardize_data_format(data_format), dilation_rate=dilation_rate)


__all__ += ["MaxPool", "AveragePool", "max_pool", "average_pool", "AdaptiveMaxPool",
            "AdaptiveAveragePool", "adaptive_max_pool", "adaptive_average_pool", "Conv",
            "DepthwiseConv", "SeparableConv", "ConvTranspose", "conv", "depthwise_conv",
            "separable_conv", "conv_transpose"]


# --------------------------------------------------------------------------------------
# encodings and losses
# --------------------------------------------------------------------------------------

def _with_classes(x, num_classes, axis):
    """``x``'s shape (a list) with a dimension of ``num_classes`` at ``axis`` (-1: last), as
    one_hot and multi_hot make it."""
    shape = list(getattr(x, "shape", []))
    if axis == -1:
        shape.append(num_classes)
    elif 0 <= axis < len(shape):
        shape.insert(axis, num_classes)
    else:
        raise OpShapeError(f"axis must be -1 or between [0, {len(x.shape)}), but received "
                           f"{axis}.")
    return shape


class OneHot(Operation):
    def __init__(self, num_classes, axis=-1, dtype=None, sparse=False, *, name=None):
        super().__init__(name=name)
        self.num_classes, self.axis, self.dtype, self.sparse = num_classes, axis, dtype, sparse

    def compute_output_spec(self, x):
        shape = _with_classes(x, self.num_classes, self.axis)
        return KerasTensor(shape, dtype=self.dtype, sparse=self.sparse)


def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    dtype = standardize_dtype(dtype)
    return call(OneHot, (x,), num_classes=num_classes, axis=axis, dtype=dtype, sparse=sparse)


class MultiHot(Operation):
    def __init__(self, num_classes=None, axis=-1, dtype=None, sparse=False, *, name=None,
                 **kwargs):
        if num_classes is None and "num_tokens" in kwargs:
            num_classes = kwargs.pop("num_tokens")
        if num_classes is None:
            raise OpShapeError("Argument `num_classes` must be specified.")
        super().__init__(name=name)
        self.num_classes, self.axis = num_classes, axis
        self.dtype, self.sparse = dtype or floatx(), sparse

    def compute_output_spec(self, inputs):
        shape = _with_classes(inputs, self.num_classes, self.axis)
        shape = [shape[-1]] if len(shape) == 2 else [shape[0]] + shape[2:]
        return KerasTensor(shape, dtype=inputs.dtype, sparse=self.sparse)


def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    if num_classes is None and "num_tokens" in kwargs:
        num_classes = kwargs.pop("num_tokens")
    if num_classes is None:
        raise OpShapeError("Argument `num_classes` must be specified.")
    dtype = standardize_dtype(dtype)
    if is_symbolic((inputs,)):
        return MultiHot(num_classes, axis, dtype, sparse).symbolic_call(inputs)
    return MultiHot(num_classes, axis, dtype, sparse, name="concrete").concrete_call(inputs)


def _same_shape(target, output):
    if tuple(target.shape) != tuple(output.shape):
        raise OpShapeError("Arguments `target` and `output` must have the same shape. Received: "
                           f"target.shape={target.shape}, output.shape={output.shape}")


class BinaryCrossentropy(Operation):
    def __init__(self, from_logits=False, *, name=None):
        super().__init__(name=name)
        self.from_logits = from_logits

    def compute_output_spec(self, target, output):
        _same_shape(target, output)
        return KerasTensor(output.shape, dtype=output.dtype)


class CategoricalCrossentropy(Operation):
    def __init__(self, from_logits=False, axis=-1, *, name=None):
        super().__init__(name=name)
        self.from_logits, self.axis = from_logits, axis

    def compute_output_spec(self, target, output):
        _same_shape(target, output)
        if len(target.shape) < 1:
            raise OpShapeError(
                "Arguments `target` and `output` must be at least rank 1. Received: "
                f"target.shape={target.shape}, output.shape={output.shape}")
        return KerasTensor(output.shape[:-1], dtype=output.dtype)


class SparseCategoricalCrossentropy(CategoricalCrossentropy):
    def compute_output_spec(self, target, output):
        if len(output.shape) < 1:
            raise OpShapeError(f"Argument `output` must be at least rank 1. Received: "
                               f"output.shape={output.shape}")
        axis = canonicalize_axis(self.axis, len(output.shape))
        target_shape = tuple(target.shape)
        if len(target_shape) == len(output.shape) and target_shape[-1] == 1:
            target_shape = target_shape[:-1]
        without_class = tuple(output.shape[:axis]) + tuple(output.shape[axis + 1:])
        if target_shape != without_class:
            raise OpShapeError(
                "Arguments `target` and `output` must have the same shape up until the last "
                f"dimension: target.shape={target.shape}, output.shape={output.shape}")
        return KerasTensor(without_class, dtype=output.dtype)


def binary_crossentropy(target, output, from_logits=False):
    return call(BinaryCrossentropy, (target, output), from_logits=from_logits)


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    return call(CategoricalCrossentropy, (target, output), from_logits=from_logits, axis=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    return call(SparseCategoricalCrossentropy, (target, output), from_logits=from_logits,
                axis=axis)


__all__ += ["OneHot", "one_hot", "MultiHot", "multi_hot", "BinaryCrossentropy",
            "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "binary_crossentropy",
            "categorical_crossentropy", "sparse_categorical_crossentropy"]
