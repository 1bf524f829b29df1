"""``keras.applications.imagenet_utils``, ported from Keras 3.15 (Apache License 2.0).

``obtain_input_shape``, ``correct_pad`` and ``validate_activation`` as Keras has
them.  ``preprocess_input`` on a symbolic tensor records the same operations as
Keras (``true_divide``, ``subtract``, ``get_item``/``stack``, ``add``), so a
model that preprocesses inside its graph has Keras's rows; on concrete data
(a NumPy array) it needs computation, which paramscope does not do.
"""

from __future__ import annotations

import warnings

from ... import ops
from ...errors import NeedsComputationError
from ...layers.base import KerasTensor
from ._common import ApplicationError, backend


def preprocess_input(x, data_format=None, mode="caffe"):
    """Preprocesses a tensor encoding a batch of images (Keras's modes caffe/tf/torch)."""
    if mode not in {"caffe", "tf", "torch"}:
        raise ApplicationError(
            f"Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode={mode}")
    if data_format is None:
        data_format = backend.image_data_format()
    elif data_format not in {"channels_first", "channels_last"}:
        raise ApplicationError(
            "Expected data_format to be one of `channels_first` or `channels_last`. "
            f"Received: data_format={data_format}")
    if not isinstance(x, KerasTensor):
        raise NeedsComputationError(
            "preprocess_input on concrete images needs real computation; paramscope only "
            "builds models. Call it on a symbolic tensor (keras.Input) inside the model, or "
            "leave it out: it changes no shapes or parameter counts.")
    return _preprocess_tensor_input(x, data_format=data_format, mode=mode)


def _preprocess_tensor_input(x, data_format, mode):
    ndim = len(x.shape)
    if mode == "tf":
        x /= 127.5
        x -= 1.0
        return x
    elif mode == "torch":
        x /= 255.0
        std = True
    else:
        if data_format == "channels_first":
            # 'RGB'->'BGR'
            if len(x.shape) == 3:
                x = ops.stack([x[i, ...] for i in (2, 1, 0)], axis=0)
            else:
                x = ops.stack([x[:, i, :] for i in (2, 1, 0)], axis=1)
        else:
            # 'RGB'->'BGR'
            x = ops.stack([x[..., i] for i in (2, 1, 0)], axis=-1)
        std = None
    # Keras: ops.convert_to_tensor(-np.array(mean), dtype=x.dtype), reshaped: a concrete
    # tensor (only its shape matters here).
    if data_format == "channels_first":
        if len(x.shape) == 3:
            mean_shape = (3, 1, 1)
        else:
            mean_shape = (1, 3) + (1,) * (ndim - 2)
    else:
        mean_shape = (1,) * (ndim - 1) + (3,)
    x += ops.Constant(mean_shape, x.dtype)
    if std is not None:
        std_shape = (3, 1, 1) if data_format == "channels_first" else (3,)
        x /= ops.Constant(std_shape, x.dtype)
    return x


def decode_predictions(preds, top=5):
    """Keras decodes predicted class scores; there are no predictions without computation."""
    raise NeedsComputationError(
        "decode_predictions decodes a model's predictions, which need real computation; "
        "paramscope only builds models and computes their shapes and parameter counts.")


def obtain_input_shape(input_shape, default_size, min_size, data_format, require_flatten,
                       weights=None):
    """Compute/validate a model's input shape (Keras's ``obtain_input_shape``)."""
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        if data_format == "channels_first":
            correct_channel_axis = 1 if len(input_shape) == 4 else 0
            if input_shape[correct_channel_axis] not in {1, 3}:
                warnings.warn(
                    "This model usually expects 1 or 3 input channels. However, it was passed "
                    f"an input_shape with {input_shape[0]} input channels.", stacklevel=2)
            default_shape = (input_shape[0], default_size, default_size)
        else:
            if input_shape[-1] not in {1, 3}:
                warnings.warn(
                    "This model usually expects 1 or 3 input channels. However, it was passed "
                    f"an input_shape with {input_shape[-1]} input channels.", stacklevel=2)
            default_shape = (default_size, default_size, input_shape[-1])
    else:
        if data_format == "channels_first":
            default_shape = (3, default_size, default_size)
        else:
            default_shape = (default_size, default_size, 3)
    if weights == "imagenet" and require_flatten:
        if input_shape is not None:
            if input_shape != default_shape:
                raise ApplicationError(
                    "When setting `include_top=True` and loading `imagenet` weights, "
                    f"`input_shape` should be {default_shape}.  Received: "
                    f"input_shape={input_shape}")
        return default_shape
    if input_shape:
        if data_format == "channels_first":
            if input_shape is not None:
                if len(input_shape) != 3:
                    raise ApplicationError("`input_shape` must be a tuple of three integers.")
                if input_shape[0] != 3 and weights == "imagenet":
                    raise ApplicationError(
                        f"The input must have 3 channels; Received `input_shape={input_shape}`")
                if ((input_shape[1] is not None and input_shape[1] < min_size)
                        or (input_shape[2] is not None and input_shape[2] < min_size)):
                    raise ApplicationError(
                        f"Input size must be at least {min_size}x{min_size}; Received: "
                        f"input_shape={input_shape}")
        else:
            if input_shape is not None:
                if len(input_shape) != 3:
                    raise ApplicationError("`input_shape` must be a tuple of three integers.")
                if input_shape[-1] != 3 and weights == "imagenet":
                    raise ApplicationError(
                        f"The input must have 3 channels; Received `input_shape={input_shape}`")
                if ((input_shape[0] is not None and input_shape[0] < min_size)
                        or (input_shape[1] is not None and input_shape[1] < min_size)):
                    raise ApplicationError(
                        f"Input size must be at least {min_size}x{min_size}; Received: "
                        f"input_shape={input_shape}")
    else:
        if require_flatten:
            input_shape = default_shape
        else:
            if data_format == "channels_first":
                input_shape = (3, None, None)
            else:
                input_shape = (None, None, 3)
    if require_flatten:
        if None in input_shape:
            raise ApplicationError(
                "If `include_top` is True, you should specify a static `input_shape`. "
                f"Received: input_shape={input_shape}")
    return input_shape


def correct_pad(inputs, kernel_size):
    """Zero-padding for a 2D convolution with downsampling (Keras's ``correct_pad``)."""
    img_dim = 2 if backend.image_data_format() == "channels_first" else 1
    input_size = inputs.shape[img_dim:(img_dim + 2)]
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    if input_size[0] is None:
        adjust = (1, 1)
    else:
        adjust = (1 - input_size[0] % 2, 1 - input_size[1] % 2)
    correct = (kernel_size[0] // 2, kernel_size[1] // 2)
    return ((correct[0] - adjust[0], correct[0]), (correct[1] - adjust[1], correct[1]))


def _activation_name(activation):
    if activation is None or activation == "linear":
        return None
    if isinstance(activation, str):
        return activation
    return getattr(activation, "__name__", activation)


def validate_activation(classifier_activation, weights):
    """Only ``None`` and ``softmax`` go with pretrained weights (Keras's check)."""
    if weights is None:
        return
    if _activation_name(classifier_activation) not in {"softmax", None}:
        raise ApplicationError(
            "Only `None` and `softmax` activations are allowed for the "
            "`classifier_activation` argument when using pretrained weights, with "
            f"`include_top=True`; Received: classifier_activation={classifier_activation}")
