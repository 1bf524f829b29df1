"""``keras.ops`` math family (``keras/src/ops/math.py``): segment reductions, top-k,
``logsumexp``, ``cdist``, sequence extraction, FFTs and STFTs, ``rsqrt``/``erf``...,
``logdet``, complex views."""

from __future__ import annotations

from ..layers.base import KerasTensor
from ._base import Operation, call
from ._dtypes import result_type
from ._shapes import OpShapeError, broadcast_shapes, reduce_shape
from .numpy_math import ElementwiseUnary, define, unary_function

__all__ = ["SegmentSum", "SegmentMax", "SegmentMin", "SegmentProd", "segment_sum",
           "segment_max", "segment_min", "segment_prod", "TopK", "top_k", "InTopK", "in_top_k",
           "Logsumexp", "logsumexp", "CDist", "cdist", "ExtractSequences", "extract_sequences",
           "FFT", "fft", "FFT2", "fft2", "IFFT2", "ifft2", "RFFT", "rfft", "IRFFT", "irfft",
           "STFT", "stft", "ISTFT", "istft", "Logdet", "logdet", "ViewAsComplex",
           "view_as_complex", "ViewAsReal", "view_as_real"]


def _segment_validation(data, segment_ids):
    ids_shape = segment_ids.shape
    if len(ids_shape) > 1:
        raise OpShapeError(
            f"Argument `segment_ids` should be an 1-D vector, got shape: {len(ids_shape)}. "
            "Consider either flatten input with segment_ids.reshape((-1)) and "
            "data.reshape((-1, ) + data.shape[len(segment_ids.shape):]) or vectorize with vmap.")
    if ids_shape[0] is not None and data.shape[0] is not None and ids_shape[0] != data.shape[0]:
        raise OpShapeError("Argument `segment_ids` and `data` should have same leading "
                           f"dimension. Got {ids_shape} v.s. {data.shape}.")


class SegmentReduction(Operation):
    def __init__(self, num_segments=None, sorted=False, *, name=None):  # noqa: A002
        super().__init__(name=name)
        self.num_segments, self.sorted = num_segments, sorted

    def compute_output_spec(self, data, _):
        return KerasTensor((self.num_segments,) + tuple(data.shape[1:]), dtype=data.dtype)


def _segment(cls_name, fn_name):
    cls = type(cls_name, (SegmentReduction,), {"__module__": __name__})

    def function(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002
        _segment_validation(data, segment_ids)
        return call(cls, (data, segment_ids), check=(data,), num_segments=num_segments,
                    sorted=sorted)
    function.__name__ = function.__qualname__ = fn_name
    globals()[cls_name], globals()[fn_name] = cls, function


for _cls_name, _fn_name in (("SegmentSum", "segment_sum"), ("SegmentMax", "segment_max"),
                            ("SegmentMin", "segment_min"), ("SegmentProd", "segment_prod")):
    _segment(_cls_name, _fn_name)


class TopK(Operation):
    def __init__(self, k, sorted=True, *, name=None):  # noqa: A002
        super().__init__(name=name)
        self.k, self.sorted = k, sorted

    def compute_output_spec(self, x):
        shape = list(x.shape)
        shape[-1] = self.k
        return (KerasTensor(shape, dtype=x.dtype), KerasTensor(shape, dtype="int32"))


def top_k(x, k, sorted=True):  # noqa: A002 - Keras's name
    return call(TopK, (x,), k=k, sorted=sorted)


class InTopK(Operation):
    def __init__(self, k, *, name=None):
        super().__init__(name=name)
        self.k = k

    def compute_output_spec(self, targets, predictions):
        return KerasTensor(targets.shape, dtype="bool")


def in_top_k(targets, predictions, k):
    return call(InTopK, (targets, predictions), k=k)


class Logsumexp(Operation):
    def __init__(self, axis=None, keepdims=False, *, name=None):
        super().__init__(name=name)
        self.axis, self.keepdims = axis, keepdims

    def compute_output_spec(self, x):
        return KerasTensor(reduce_shape(x.shape, self.axis, self.keepdims))


def logsumexp(x, axis=None, keepdims=False):
    return call(Logsumexp, (x,), axis=axis, keepdims=keepdims)


class CDist(Operation):
    def compute_output_spec(self, x, y):
        if x.ndim < 2 or y.ndim < 2:
            raise OpShapeError(f"Inputs to `cdist` must have rank >= 2. Received shapes: "
                               f"x.shape={x.shape}, y.shape={y.shape}")
        if x.shape[-1] is not None and y.shape[-1] is not None and x.shape[-1] != y.shape[-1]:
            raise OpShapeError(f"The last dimension of inputs to `cdist` must match. Received "
                               f"shapes: x.shape={x.shape}, y.shape={y.shape}")
        try:
            batch = broadcast_shapes(x.shape[:-2], y.shape[:-2])
        except OpShapeError:
            raise OpShapeError(f"Batch dimensions of inputs to `cdist` must be broadcastable. "
                               f"Received shapes: x.shape={x.shape}, y.shape={y.shape}") from None
        return KerasTensor(tuple(batch + [x.shape[-2], y.shape[-2]]),
                           dtype=result_type(x.dtype, y.dtype, float))


def cdist(x, y):
    return call(CDist, (x, y))


class ExtractSequences(Operation):
    def __init__(self, sequence_length, sequence_stride, *, name=None):
        super().__init__(name=name)
        self.sequence_length, self.sequence_stride = sequence_length, sequence_stride

    def compute_output_spec(self, x):
        if len(x.shape) < 1:
            raise OpShapeError(f"Input should have rank >= 1. Received: input.shape = {x.shape}")
        count = None
        if x.shape[-1] is not None:
            count = 1 + (x.shape[-1] - self.sequence_length) // self.sequence_stride
        return KerasTensor(tuple(x.shape[:-1]) + (count, self.sequence_length), dtype=x.dtype)


def extract_sequences(x, sequence_length, sequence_stride):
    return call(ExtractSequences, (x,), sequence_length=sequence_length,
                sequence_stride=sequence_stride)


def _complex_pair(x, min_rank):
    """The (real, imaginary) pair the FFT operations take."""
    if not isinstance(x, (tuple, list)) or len(x) != 2:
        raise OpShapeError("Input `x` should be a tuple of two tensors - real and imaginary. "
                           f"Received: x={x}")
    real, imag = x
    if tuple(real.shape) != tuple(imag.shape):
        raise OpShapeError(
            "Input `x` should be a tuple of two tensors - real and imaginary. Both the real and "
            "imaginary parts should have the same shape. Received: x[0].shape = "
            f"{real.shape}, x[1].shape = {imag.shape}")
    if len(real.shape) < min_rank:
        raise OpShapeError(f"Input should have rank >= {min_rank}. Received: input.shape = "
                           f"{real.shape}")
    return real, imag


class FFT(Operation):
    axes = (-1,)

    def compute_output_spec(self, x):
        real, imag = _complex_pair(x, len(self.axes))
        for axis in self.axes:
            if real.shape[axis] is None:
                defined = "its last dimension" if len(self.axes) == 1 else f"its {self.axes} axes"
                raise OpShapeError(f"Input should have {defined} fully-defined. Received: "
                                   f"input.shape = {real.shape}")
        return (KerasTensor(real.shape, dtype=real.dtype), KerasTensor(imag.shape, dtype=imag.dtype))


class FFT2(FFT):
    axes = (-2, -1)


class IFFT2(FFT2):
    pass


def fft(x):
    return call(FFT, (x,), check=tuple(x) if isinstance(x, (list, tuple)) else (x,))


def fft2(x):
    return call(FFT2, (x,), check=tuple(x) if isinstance(x, (list, tuple)) else (x,))


def ifft2(x):
    return call(IFFT2, (x,), check=tuple(x) if isinstance(x, (list, tuple)) else (x,))


class RFFT(Operation):
    def __init__(self, fft_length=None, *, name=None):
        super().__init__(name=name)
        self.fft_length = fft_length

    def compute_output_spec(self, x):
        if len(x.shape) < 1:
            raise OpShapeError(f"Input should have rank >= 1. Received: input.shape = {x.shape}")
        if self.fft_length is not None:
            last = self.fft_length // 2 + 1
        else:
            last = None if x.shape[-1] is None else x.shape[-1] // 2 + 1
        shape = tuple(x.shape[:-1]) + (last,)
        return (KerasTensor(shape, dtype=x.dtype), KerasTensor(shape, dtype=x.dtype))


def rfft(x, fft_length=None):
    return call(RFFT, (x,), fft_length=fft_length)


class IRFFT(RFFT):
    def compute_output_spec(self, x):
        real, _ = _complex_pair(x, 1)
        if self.fft_length is not None:
            last = self.fft_length
        else:
            last = None if real.shape[-1] is None else 2 * (real.shape[-1] - 1)
        return KerasTensor(tuple(real.shape[:-1]) + (last,), dtype=real.dtype)


def irfft(x, fft_length=None):
    return call(IRFFT, (x,), check=tuple(x) if isinstance(x, (list, tuple)) else (x,),
                fft_length=fft_length)


class STFT(Operation):
    def __init__(self, sequence_length, sequence_stride, fft_length, window="hann", center=True,
                 *, name=None):
        super().__init__(name=name)
        self.sequence_length, self.sequence_stride = sequence_length, sequence_stride
        self.fft_length, self.window, self.center = fft_length, window, center

    def compute_output_spec(self, x):
        count = None
        if x.shape[-1] is not None:
            padded = 0 if self.center is False else self.fft_length // 2 * 2
            count = 1 + (x.shape[-1] + padded - self.fft_length) // self.sequence_stride
        shape = tuple(x.shape[:-1]) + (count, self.fft_length // 2 + 1)
        return (KerasTensor(shape, dtype=x.dtype), KerasTensor(shape, dtype=x.dtype))


def _check_stride(sequence_stride):
    if not isinstance(sequence_stride, int) or sequence_stride <= 0:
        raise OpShapeError("`sequence_stride` must be a positive integer. Received: "
                           f"sequence_stride={sequence_stride}")


def stft(x, sequence_length, sequence_stride, fft_length, window="hann", center=True):
    _check_stride(sequence_stride)
    return call(STFT, (x,), sequence_length=sequence_length, sequence_stride=sequence_stride,
                fft_length=fft_length, window=window, center=center)


class ISTFT(Operation):
    def __init__(self, sequence_length, sequence_stride, fft_length, length=None,
                 window="hann", center=True, *, name=None):
        super().__init__(name=name)
        self.sequence_length, self.sequence_stride = sequence_length, sequence_stride
        self.fft_length, self.length = fft_length, length
        self.window, self.center = window, center

    def compute_output_spec(self, x):
        real, _ = _complex_pair(x, 2)
        if real.shape[-2] is not None:
            size = (real.shape[-2] - 1) * self.sequence_stride + self.fft_length
            if self.length is not None:
                size = self.length
            elif self.center:
                size = size - self.fft_length // 2 * 2
        else:
            size = self.length
        return KerasTensor(tuple(real.shape[:-2]) + (size,), dtype=real.dtype)


def istft(x, sequence_length, sequence_stride, fft_length, length=None, window="hann",
          center=True):
    _check_stride(sequence_stride)
    return call(ISTFT, (x,), check=tuple(x) if isinstance(x, (list, tuple)) else (x,),
                sequence_length=sequence_length, sequence_stride=sequence_stride,
                fft_length=fft_length, length=length, window=window, center=center)


for _cls_name, _fn_name, _rule, _concrete in (
        ("Rsqrt", "rsqrt", None, "float_only"), ("Erf", "erf", None, "float_only"),
        ("Erfinv", "erfinv", None, "floats_ints"),
        ("Erfc", "erfc", lambda x: result_type(x.dtype, float), None)):
    _attrs = {"concrete_kind": _concrete}
    if _rule is not None:
        _attrs["dtype_rule"] = staticmethod(_rule)
    unary_function(_fn_name, define(_cls_name, ElementwiseUnary, __all__, globals(), **_attrs),
                   globals(), __all__)


class Logdet(Operation):
    def compute_output_spec(self, x):
        return KerasTensor(x.shape[:-2], dtype=x.dtype)


def logdet(x):
    return call(Logdet, (x,))


class ViewAsComplex(Operation):
    def compute_output_spec(self, x):
        return KerasTensor(x.shape[:-1], dtype="complex64")


class ViewAsReal(Operation):
    def compute_output_spec(self, x):
        return KerasTensor(tuple(x.shape) + (2,), dtype="float32")


def view_as_complex(x):
    return call(ViewAsComplex, (x,))


def view_as_real(x):
    return call(ViewAsReal, (x,))
