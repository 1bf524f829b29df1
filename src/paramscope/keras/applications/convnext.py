"""``keras.applications.convnext``: ConvNeXtTiny, Small, Base, Large and XLarge, ported from
Keras 3.15's ``keras/src/applications/convnext.py`` (Apache License 2.0, the Keras authors).

Keras's ``StochasticDepth`` and ``LayerScale`` layers are paramscope's
(``paramscope.layers.applications``, same constructor arguments and configs).
Weights are never downloaded or loaded (``_common.skip_weights``); Keras's argument
checks raise :class:`~._common.ApplicationError` (a ``ValueError``).
"""

from ...graph import Sequential
from ...layers.applications import LayerScale, StochasticDepth
from . import imagenet_utils
from ._common import ApplicationError, Functional, backend, file_utils, layers, operation_utils
from ._common import skip_weights

MODEL_CONFIGS = {
    "tiny": {"depths": [3, 3, 9, 3], "projection_dims": [96, 192, 384, 768],
             "default_size": 224},
    "small": {"depths": [3, 3, 27, 3], "projection_dims": [96, 192, 384, 768],
              "default_size": 224},
    "base": {"depths": [3, 3, 27, 3], "projection_dims": [128, 256, 512, 1024],
             "default_size": 224},
    "large": {"depths": [3, 3, 27, 3], "projection_dims": [192, 384, 768, 1536],
              "default_size": 224},
    "xlarge": {"depths": [3, 3, 27, 3], "projection_dims": [256, 512, 1024, 2048],
               "default_size": 224},
}


def _linspace(start, stop, num):
    """``[float(x) for x in np.linspace(start, stop, num)]`` without NumPy (NumPy's formula:
    ``i * step + start``, the last value ``stop``)."""
    div = num - 1
    delta = stop - start
    if div > 0:
        step = delta / div
        if step == 0:
            values = [i / div * delta + start for i in range(num)]
        else:
            values = [i * step + start for i in range(num)]
        values[-1] = stop
    else:
        values = [i * delta + start for i in range(num)]
    return [float(v) for v in values]


def ConvNeXtBlock(projection_dim, drop_path_rate=0.0, layer_scale_init_value=1e-6, name=None):
    """ConvNeXt block (depthwise conv, layer norm, pointwise MLP, layer scale, residual)."""
    if name is None:
        # Keras 3.15's keras.src.backend has no get_uid: it raises AttributeError here.
        name = f"prestem{str(backend.get_uid('prestem'))}"

    def apply(inputs):
        x = inputs

        x = layers.Conv2D(filters=projection_dim, kernel_size=7, padding="same",
                          groups=projection_dim, name=f"{name}_depthwise_conv")(x)
        x = layers.LayerNormalization(epsilon=1e-6, name=f"{name}_layernorm")(x)
        x = layers.Dense(4 * projection_dim, name=f"{name}_pointwise_conv_1")(x)
        x = layers.Activation("gelu", name=f"{name}_gelu")(x)
        x = layers.Dense(projection_dim, name=f"{name}_pointwise_conv_2")(x)

        if layer_scale_init_value is not None:
            x = LayerScale(layer_scale_init_value, projection_dim,
                           name=f"{name}_layer_scale")(x)
        if drop_path_rate:
            layer = StochasticDepth(drop_path_rate, name=f"{name}_stochastic_depth")
        else:
            layer = layers.Activation("linear", name=f"{name}_identity")

        return inputs + layer(x)

    return apply


def PreStem(name=None):
    """Normalizes inputs with ImageNet-1k mean and std."""
    if name is None:
        # Keras 3.15's keras.src.backend has no get_uid: it raises AttributeError here.
        name = "prestem{0}".format(str(backend.get_uid("prestem")))

    def apply(x):
        x = layers.Normalization(
            mean=[0.485 * 255, 0.456 * 255, 0.406 * 255],
            variance=[(0.229 * 255) ** 2, (0.224 * 255) ** 2, (0.225 * 255) ** 2],
            name=f"{name}_prestem_normalization")(x)
        return x

    return apply


def Head(num_classes=1000, classifier_activation=None, name=None):
    """Implementation of classification head of ConvNeXt."""
    if name is None:
        # Keras 3.15's keras.src.backend has no get_uid: it raises AttributeError here.
        name = str(backend.get_uid("head"))

    def apply(x):
        x = layers.GlobalAveragePooling2D(name=f"{name}_head_gap")(x)
        x = layers.LayerNormalization(epsilon=1e-6, name=f"{name}_head_layernorm")(x)
        x = layers.Dense(num_classes, activation=classifier_activation,
                         name=f"{name}_head_dense")(x)
        return x

    return apply


def ConvNeXt(depths, projection_dims, drop_path_rate=0.0, layer_scale_init_value=1e-6,
             default_size=224, name="convnext", include_preprocessing=True, include_top=True,
             weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", weights_name=None):
    """Instantiates a ConvNeXt from its depths and widths (Keras's generic builder)."""
    if backend.image_data_format() == "channels_first":
        raise ApplicationError(
            "ConvNeXt does not support the `channels_first` image data "
            "format. Switch to `channels_last` by editing your local "
            "config file at ~/.keras/keras.json")
    if not (weights in {"imagenet", None} or file_utils.exists(weights)):
        raise ApplicationError(
            "The `weights` argument should be either "
            "`None` (random initialization), `imagenet` "
            "(pre-training on ImageNet), "
            "or the path to the weights file to be loaded.")

    if weights == "imagenet" and include_top and classes != 1000:
        raise ApplicationError(
            'If using `weights="imagenet"` with `include_top=True`, '
            "`classes` should be 1000. "
            f"Received classes={classes}")

    # Determine proper input shape.
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=default_size, min_size=32,
        data_format=backend.image_data_format(), require_flatten=include_top, weights=weights)

    if input_tensor is None:
        img_input = layers.Input(shape=input_shape)
    else:
        if not backend.is_keras_tensor(input_tensor):
            img_input = layers.Input(tensor=input_tensor, shape=input_shape)
        else:
            img_input = input_tensor

    if input_tensor is not None:
        inputs = operation_utils.get_source_inputs(input_tensor)[0]
        x = input_tensor
    else:
        inputs = img_input
        x = inputs

    if include_preprocessing:
        channel_axis = 3 if backend.image_data_format() == "channels_last" else 1
        num_channels = input_shape[channel_axis - 1]
        if num_channels == 3:
            x = PreStem(name=name)(x)

    # Stem block.
    stem = Sequential(
        [
            layers.Conv2D(projection_dims[0], kernel_size=4, strides=4,
                          name=f"{name}_stem_conv"),
            layers.LayerNormalization(epsilon=1e-6, name=f"{name}_stem_layernorm"),
        ],
        name=f"{name}_stem",
    )

    # Downsampling blocks.
    downsample_layers = []
    downsample_layers.append(stem)

    num_downsample_layers = 3
    for i in range(num_downsample_layers):
        downsample_layer = Sequential(
            [
                layers.LayerNormalization(epsilon=1e-6,
                                          name=f"{name}_downsampling_layernorm_{i}"),
                layers.Conv2D(projection_dims[i + 1], kernel_size=2, strides=2,
                              name=f"{name}_downsampling_conv_{i}"),
            ],
            name=f"{name}_downsampling_block_{i}",
        )
        downsample_layers.append(downsample_layer)

    # Stochastic depth schedule.
    # This is referred from the original ConvNeXt codebase:
    # https://github.com/facebookresearch/ConvNeXt/blob/main/models/convnext.py#L86
    depth_drop_rates = _linspace(0.0, drop_path_rate, sum(depths))

    # First apply downsampling blocks and then apply ConvNeXt stages.
    cur = 0

    num_convnext_blocks = 4
    for i in range(num_convnext_blocks):
        x = downsample_layers[i](x)
        for j in range(depths[i]):
            x = ConvNeXtBlock(projection_dim=projection_dims[i],
                              drop_path_rate=depth_drop_rates[cur + j],
                              layer_scale_init_value=layer_scale_init_value,
                              name=name + f"_stage_{i}_block_{j}")(x)
        cur += depths[i]

    if include_top:
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = Head(num_classes=classes, classifier_activation=classifier_activation,
                 name=name)(x)

    else:
        if pooling == "avg":
            x = layers.GlobalAveragePooling2D()(x)
        elif pooling == "max":
            x = layers.GlobalMaxPooling2D()(x)
        x = layers.LayerNormalization(epsilon=1e-6)(x)

    model = Functional(inputs=inputs, outputs=x, name=name)

    # Validate weights before requesting them from the API
    if weights == "imagenet":
        expected_config = MODEL_CONFIGS[weights_name.split("convnext_")[-1]]
        if (depths != expected_config["depths"]
                or projection_dims != expected_config["projection_dims"]):
            raise ApplicationError(
                f"Architecture configuration does not match {weights_name} "
                f"variant. When using pre-trained weights, the model "
                f"architecture must match the pre-trained configuration "
                f"exactly. Expected depths: {expected_config['depths']}, "
                f"got: {depths}. Expected projection_dims: "
                f"{expected_config['projection_dims']}, got: {projection_dims}.")

        if weights_name not in name:
            raise ApplicationError(
                f'Model name "{name}" does not match weights variant '
                f'"{weights_name}". When using imagenet weights, model name '
                f'must contain the weights variant (e.g., "convnext_'
                f'{weights_name.split("convnext_")[-1]}").')

    return skip_weights(model, weights)


## Instantiating variants ##


def ConvNeXtTiny(include_top=True, include_preprocessing=True, weights="imagenet",
                 input_tensor=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name="convnext_tiny"):
    """Instantiates the ConvNeXtTiny architecture (Liu et al., CVPR 2022)."""
    return ConvNeXt(weights_name="convnext_tiny", depths=MODEL_CONFIGS["tiny"]["depths"],
                    projection_dims=MODEL_CONFIGS["tiny"]["projection_dims"],
                    drop_path_rate=0.0, layer_scale_init_value=1e-6,
                    default_size=MODEL_CONFIGS["tiny"]["default_size"], name=name,
                    include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape,
                    pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def ConvNeXtSmall(include_top=True, include_preprocessing=True, weights="imagenet",
                  input_tensor=None, input_shape=None, pooling=None, classes=1000,
                  classifier_activation="softmax", name="convnext_small"):
    """Instantiates the ConvNeXtSmall architecture (Liu et al., CVPR 2022)."""
    return ConvNeXt(weights_name="convnext_small", depths=MODEL_CONFIGS["small"]["depths"],
                    projection_dims=MODEL_CONFIGS["small"]["projection_dims"],
                    drop_path_rate=0.0, layer_scale_init_value=1e-6,
                    default_size=MODEL_CONFIGS["small"]["default_size"], name=name,
                    include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape,
                    pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def ConvNeXtBase(include_top=True, include_preprocessing=True, weights="imagenet",
                 input_tensor=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name="convnext_base"):
    """Instantiates the ConvNeXtBase architecture (Liu et al., CVPR 2022)."""
    return ConvNeXt(weights_name="convnext_base", depths=MODEL_CONFIGS["base"]["depths"],
                    projection_dims=MODEL_CONFIGS["base"]["projection_dims"],
                    drop_path_rate=0.0, layer_scale_init_value=1e-6,
                    default_size=MODEL_CONFIGS["base"]["default_size"], name=name,
                    include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape,
                    pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def ConvNeXtLarge(include_top=True, include_preprocessing=True, weights="imagenet",
                  input_tensor=None, input_shape=None, pooling=None, classes=1000,
                  classifier_activation="softmax", name="convnext_large"):
    """Instantiates the ConvNeXtLarge architecture (Liu et al., CVPR 2022)."""
    return ConvNeXt(weights_name="convnext_large", depths=MODEL_CONFIGS["large"]["depths"],
                    projection_dims=MODEL_CONFIGS["large"]["projection_dims"],
                    drop_path_rate=0.0, layer_scale_init_value=1e-6,
                    default_size=MODEL_CONFIGS["large"]["default_size"], name=name,
                    include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape,
                    pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def ConvNeXtXLarge(include_top=True, include_preprocessing=True, weights="imagenet",
                   input_tensor=None, input_shape=None, pooling=None, classes=1000,
                   classifier_activation="softmax", name="convnext_xlarge"):
    """Instantiates the ConvNeXtXLarge architecture (Liu et al., CVPR 2022)."""
    return ConvNeXt(weights_name="convnext_xlarge", depths=MODEL_CONFIGS["xlarge"]["depths"],
                    projection_dims=MODEL_CONFIGS["xlarge"]["projection_dims"],
                    drop_path_rate=0.0, layer_scale_init_value=1e-6,
                    default_size=MODEL_CONFIGS["xlarge"]["default_size"], name=name,
                    include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape,
                    pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def preprocess_input(x, data_format=None):
    """A placeholder kept for API consistency: the model normalizes its input itself."""
    return x


def decode_predictions(preds, top=5):
    """Decodes ImageNet predictions (``imagenet_utils.decode_predictions``)."""
    return imagenet_utils.decode_predictions(preds, top=top)
