"""Audio preprocessing: STFTSpectrogram and MelSpectrogram."""

from __future__ import annotations

import math
import warnings

from ...explanation import Subject, formula, line
from ...errors import LayerError, ShapeError, describe_layer
from ...shapes import conv_output_shape
from .. import args as A
from ..base import InputSpec, Layer
from .common import ConfigMixin

__all__ = ["MelSpectrogram", "STFTSpectrogram"]


_SCIPY_WINDOWS = frozenset({
    "bart", "barthann", "bartlett", "bkh", "black", "blackharr", "blackman", "blackmanharris",
    "blk", "bman", "bmn", "bohman", "box", "boxcar", "brt", "brthan", "bth", "cosine",
    "exponential", "flat", "flattop", "flt", "halfcosine", "ham", "hamm", "hamming", "han",
    "hann", "lanczos", "nut", "nutl", "nuttall", "ones", "par", "parz", "parzen", "poisson",
    "rect", "rectangular", "sinc", "taylor", "taylorwin", "tri", "triang", "triangle", "tuk",
    "tukey",
})


class STFTSpectrogram(ConfigMixin, Layer):
    """STFTSpectrogram: a short-time Fourier transform as two 1D convolutions.

    Weights ``real_kernel`` and/or ``imag_kernel`` of shape ``(frame_length, 1,
    fft_length // 2 + 1)`` (trainable unless the layer is frozen), the STFT
    basis.  Inputs ``(batch, time, channels)``; output ``(batch, frames,
    channels x frequencies)`` (x2 for ``mode="stft"``), or ``(batch, frames,
    frequencies, channels)`` with ``expand_dims=True``.
    """

    _config_keys = ("mode", "frame_length", "frame_step", "fft_length", "window", "periodic",
                    "scaling", "padding", "data_format", "expand_dims")

    def __init__(self, mode="log", frame_length=256, frame_step=None, fft_length=None,
                 window="hann", periodic=False, scaling="density", padding="valid",
                 expand_dims=False, data_format=None, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        if frame_step is not None and (frame_step > frame_length or frame_step < 1):
            raise LayerError(f"{owner}: `frame_step` should be a positive integer not greater "
                             f"than `frame_length`. Received frame_step={frame_step!r}, "
                             f"frame_length={frame_length!r}")
        if fft_length is not None and fft_length < frame_length:
            raise LayerError(f"{owner}: `fft_length` should be not less than `frame_length`. "
                             f"Received fft_length={fft_length!r}, "
                             f"frame_length={frame_length!r}")
        if fft_length is not None and (fft_length & -fft_length) != fft_length:
            warnings.warn(f"`fft_length` is recommended to be a power of two. Received "
                          f"fft_length={fft_length}", UserWarning, stacklevel=3)
        modes = ["log", "magnitude", "psd", "real", "imag", "angle", "stft"]
        if mode not in modes:
            raise LayerError(f"{owner}: output mode is invalid, it must be one of "
                             f"{', '.join(modes)}. Received: mode={mode!r}")
        if scaling is not None and scaling not in ("density", "spectrum"):
            raise LayerError(f"{owner}: scaling is invalid, it must be `None`, 'density' or "
                             f"'spectrum'. Received scaling={scaling!r}")
        if padding not in ("valid", "same"):
            raise LayerError(f"{owner}: padding is invalid, it should be 'valid', 'same'. "
                             f"Received: padding={padding!r}")
        if isinstance(window, str) and window.lower() not in _SCIPY_WINDOWS:
            raise LayerError(f"{owner}: unknown window type {window!r} (scipy.signal.get_window "
                             "names, e.g. 'hann', 'hamming', 'blackman', 'boxcar').")
        super().__init__(**kwargs)
        self.mode = mode
        self.frame_length = frame_length
        self.frame_step = frame_step
        self._frame_step = frame_step or frame_length // 2
        self.fft_length = fft_length
        self._fft_length = fft_length or 2 ** int(math.ceil(math.log2(frame_length)))
        self.window = window
        self.periodic = periodic
        self.scaling = scaling
        self.padding = padding
        self.expand_dims = expand_dims
        self.data_format = A.standardize_data_format(data_format, describe_layer(self))
        self.input_spec = InputSpec(ndim=3)

    def build(self, input_shape):
        shape = (self.frame_length, 1, self._fft_length // 2 + 1)
        if self.mode != "imag":
            self.real_kernel = self.add_weight(name="real_kernel", shape=shape,
                                               initializer="stft")
        if self.mode != "real":
            self.imag_kernel = self.add_weight(name="imag_kernel", shape=shape,
                                               initializer="stft")

    def compute_output_shape(self, input_shape):
        channels = input_shape[-1] if self.data_format == "channels_last" else input_shape[1]
        freq = self._fft_length // 2 + 1
        if self.mode == "stft":
            freq *= 2
        filters = None if channels is None else freq * channels
        try:
            shape = conv_output_shape(tuple(input_shape), filters, (self.frame_length,),
                                      strides=self._frame_step, padding=self.padding,
                                      data_format=self.data_format)
        except ShapeError as e:
            time_axis = 1 if self.data_format == "channels_last" else 2
            e.fix = (f"Each frame takes frame_length={self.frame_length} samples, so the time "
                     f"axis (axis {time_axis}) needs at least that many; use a longer input, a "
                     "smaller frame_length, or padding='same'")
            raise
        if self.expand_dims:
            if self.data_format == "channels_last":
                return (shape[0], shape[1], freq, channels)
            return (shape[0], channels, shape[2], freq)
        return shape

    def explain(self):
        n = self.frame_length * (self._fft_length // 2 + 1)
        kernels = [w for w in self.weights]
        names = " + ".join(w.name for w in kernels)
        return [line(Subject(self.name), formula(
            names + ": {} x frame_length {} x {} frequencies (fft_length {} // 2 + 1) = {}",
            len(kernels), self.frame_length, self._fft_length // 2 + 1, self._fft_length,
            len(kernels) * n))]


class MelSpectrogram(ConfigMixin, Layer):
    """MelSpectrogram: audio to a mel spectrogram; no weights.

    Output ``(batch, num_mel_bins, (samples + sequence_stride + 1) // sequence_stride)``
    (Keras's formula).
    """

    _config_keys = ("fft_length", "sequence_stride", "sequence_length", "window",
                    "sampling_rate", "num_mel_bins", "min_freq", "max_freq", "power_to_db",
                    "top_db", "mag_exp", "min_power", "ref_power")

    def __init__(self, fft_length=2048, sequence_stride=512, sequence_length=None, window="hann",
                 sampling_rate=16000, num_mel_bins=128, min_freq=20.0, max_freq=None,
                 power_to_db=True, top_db=80.0, mag_exp=2.0, min_power=1e-10, ref_power=1.0,
                 **kwargs):
        self.fft_length = fft_length
        self.sequence_stride = sequence_stride
        self.sequence_length = sequence_length or fft_length
        if self.fft_length < self.sequence_length:
            raise LayerError(
                f"{A.owner_of(type(self), kwargs.get('name'))}: `fft_length` must be greater "
                f"than or equal to `sequence_length`. Received: "
                f"sequence_length={self.sequence_length!r}, fft_length={self.fft_length!r}.")
        self.window = window
        self.sampling_rate = sampling_rate
        self.num_mel_bins = num_mel_bins
        self.min_freq = min_freq
        self.max_freq = max_freq or int(sampling_rate / 2)
        self.power_to_db = power_to_db
        self.top_db = top_db
        self.mag_exp = mag_exp
        self.min_power = min_power
        self.ref_power = ref_power
        super().__init__(**kwargs)

    def compute_output_shape(self, input_shape):
        stride = self.sequence_stride
        if len(input_shape) == 1:
            n = input_shape[0]
            return (self.num_mel_bins, None if n is None else (n + stride + 1) // stride)
        n = input_shape[1]
        return (input_shape[0], self.num_mel_bins,
                None if n is None else (n + stride + 1) // stride)
