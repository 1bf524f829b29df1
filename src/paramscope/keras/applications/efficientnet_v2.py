"""``keras.applications.efficientnet_v2``: EfficientNetV2B0 to B3, S, M and L, ported from
Keras 3.15's ``keras/src/applications/efficientnet_v2.py`` (Apache License 2.0, the Keras
authors).

Weights are never downloaded or loaded (``_common.skip_weights``); Keras's argument
checks raise :class:`~._common.ApplicationError` (a ``ValueError``).
"""

import copy
import math

from .. import initializers
from . import imagenet_utils
from ._common import ApplicationError, Functional, backend, file_utils, layers, operation_utils
from ._common import skip_weights

DEFAULT_BLOCKS_ARGS = {
    "efficientnetv2-s": [
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 24, "output_filters": 24,
         "expand_ratio": 1, "se_ratio": 0.0, "strides": 1, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 4, "input_filters": 24, "output_filters": 48,
         "expand_ratio": 4, "se_ratio": 0.0, "strides": 2, "conv_type": 1},
        {"conv_type": 1, "expand_ratio": 4, "input_filters": 48, "kernel_size": 3,
         "num_repeat": 4, "output_filters": 64, "se_ratio": 0, "strides": 2},
        {"conv_type": 0, "expand_ratio": 4, "input_filters": 64, "kernel_size": 3,
         "num_repeat": 6, "output_filters": 128, "se_ratio": 0.25, "strides": 2},
        {"conv_type": 0, "expand_ratio": 6, "input_filters": 128, "kernel_size": 3,
         "num_repeat": 9, "output_filters": 160, "se_ratio": 0.25, "strides": 1},
        {"conv_type": 0, "expand_ratio": 6, "input_filters": 160, "kernel_size": 3,
         "num_repeat": 15, "output_filters": 256, "se_ratio": 0.25, "strides": 2},
    ],
    "efficientnetv2-m": [
        {"kernel_size": 3, "num_repeat": 3, "input_filters": 24, "output_filters": 24,
         "expand_ratio": 1, "se_ratio": 0, "strides": 1, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 5, "input_filters": 24, "output_filters": 48,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 5, "input_filters": 48, "output_filters": 80,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 7, "input_filters": 80, "output_filters": 160,
         "expand_ratio": 4, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 14, "input_filters": 160, "output_filters": 176,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 1, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 18, "input_filters": 176, "output_filters": 304,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 5, "input_filters": 304, "output_filters": 512,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 1, "conv_type": 0},
    ],
    "efficientnetv2-l": [
        {"kernel_size": 3, "num_repeat": 4, "input_filters": 32, "output_filters": 32,
         "expand_ratio": 1, "se_ratio": 0, "strides": 1, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 7, "input_filters": 32, "output_filters": 64,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 7, "input_filters": 64, "output_filters": 96,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 10, "input_filters": 96, "output_filters": 192,
         "expand_ratio": 4, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 19, "input_filters": 192, "output_filters": 224,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 1, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 25, "input_filters": 224, "output_filters": 384,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 7, "input_filters": 384, "output_filters": 640,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 1, "conv_type": 0},
    ],
    "efficientnetv2-b0": [
        {"kernel_size": 3, "num_repeat": 1, "input_filters": 32, "output_filters": 16,
         "expand_ratio": 1, "se_ratio": 0, "strides": 1, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 16, "output_filters": 32,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 32, "output_filters": 48,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 3, "input_filters": 48, "output_filters": 96,
         "expand_ratio": 4, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 5, "input_filters": 96, "output_filters": 112,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 1, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 8, "input_filters": 112, "output_filters": 192,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
    ],
    "efficientnetv2-b1": [
        {"kernel_size": 3, "num_repeat": 1, "input_filters": 32, "output_filters": 16,
         "expand_ratio": 1, "se_ratio": 0, "strides": 1, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 16, "output_filters": 32,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 32, "output_filters": 48,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 3, "input_filters": 48, "output_filters": 96,
         "expand_ratio": 4, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 5, "input_filters": 96, "output_filters": 112,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 1, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 8, "input_filters": 112, "output_filters": 192,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
    ],
    "efficientnetv2-b2": [
        {"kernel_size": 3, "num_repeat": 1, "input_filters": 32, "output_filters": 16,
         "expand_ratio": 1, "se_ratio": 0, "strides": 1, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 16, "output_filters": 32,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 32, "output_filters": 48,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 3, "input_filters": 48, "output_filters": 96,
         "expand_ratio": 4, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 5, "input_filters": 96, "output_filters": 112,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 1, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 8, "input_filters": 112, "output_filters": 192,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
    ],
    "efficientnetv2-b3": [
        {"kernel_size": 3, "num_repeat": 1, "input_filters": 32, "output_filters": 16,
         "expand_ratio": 1, "se_ratio": 0, "strides": 1, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 16, "output_filters": 32,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 2, "input_filters": 32, "output_filters": 48,
         "expand_ratio": 4, "se_ratio": 0, "strides": 2, "conv_type": 1},
        {"kernel_size": 3, "num_repeat": 3, "input_filters": 48, "output_filters": 96,
         "expand_ratio": 4, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 5, "input_filters": 96, "output_filters": 112,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 1, "conv_type": 0},
        {"kernel_size": 3, "num_repeat": 8, "input_filters": 112, "output_filters": 192,
         "expand_ratio": 6, "se_ratio": 0.25, "strides": 2, "conv_type": 0},
    ],
}

CONV_KERNEL_INITIALIZER = {
    "class_name": "VarianceScaling",
    "config": {"scale": 2.0, "mode": "fan_out", "distribution": "truncated_normal"},
}

DENSE_KERNEL_INITIALIZER = {
    "class_name": "VarianceScaling",
    "config": {"scale": 1.0 / 3.0, "mode": "fan_out", "distribution": "uniform"},
}


def round_filters(filters, width_coefficient, min_depth, depth_divisor):
    """Round number of filters based on depth multiplier."""
    filters *= width_coefficient
    minimum_depth = min_depth or depth_divisor
    new_filters = max(minimum_depth,
                      int(filters + depth_divisor / 2) // depth_divisor * depth_divisor)
    return int(new_filters)


def round_repeats(repeats, depth_coefficient):
    """Round number of repeats based on depth multiplier."""
    return int(math.ceil(depth_coefficient * repeats))


def MBConvBlock(input_filters, output_filters, expand_ratio=1, kernel_size=3, strides=1,
                se_ratio=0.0, bn_momentum=0.9, activation="swish", survival_probability=0.8,
                name=None):
    """MBConv block: Mobile Inverted Residual Bottleneck."""
    bn_axis = 3 if backend.image_data_format() == "channels_last" else 1

    if name is None:
        # Keras 3.15's keras.src.backend has no get_uid: it raises AttributeError here.
        name = backend.get_uid("block0")

    def apply(inputs):
        # Expansion phase
        filters = input_filters * expand_ratio
        if expand_ratio != 1:
            x = layers.Conv2D(filters=filters, kernel_size=1, strides=1,
                              kernel_initializer=CONV_KERNEL_INITIALIZER, padding="same",
                              data_format=backend.image_data_format(), use_bias=False,
                              name=f"{name}expand_conv")(inputs)
            x = layers.BatchNormalization(axis=bn_axis, momentum=bn_momentum,
                                          name=f"{name}expand_bn")(x)
            x = layers.Activation(activation, name=f"{name}expand_activation")(x)
        else:
            x = inputs

        # Depthwise conv
        x = layers.DepthwiseConv2D(kernel_size=kernel_size, strides=strides,
                                   depthwise_initializer=CONV_KERNEL_INITIALIZER,
                                   padding="same", data_format=backend.image_data_format(),
                                   use_bias=False, name=f"{name}dwconv2")(x)
        x = layers.BatchNormalization(axis=bn_axis, momentum=bn_momentum, name=f"{name}bn")(x)
        x = layers.Activation(activation, name=f"{name}activation")(x)

        # Squeeze and excite
        if 0 < se_ratio <= 1:
            filters_se = max(1, int(input_filters * se_ratio))
            se = layers.GlobalAveragePooling2D(name=f"{name}se_squeeze")(x)
            if bn_axis == 1:
                se_shape = (filters, 1, 1)
            else:
                se_shape = (1, 1, filters)
            se = layers.Reshape(se_shape, name=f"{name}se_reshape")(se)

            se = layers.Conv2D(filters_se, 1, padding="same", activation=activation,
                               kernel_initializer=CONV_KERNEL_INITIALIZER,
                               name=f"{name}se_reduce")(se)
            se = layers.Conv2D(filters, 1, padding="same", activation="sigmoid",
                               kernel_initializer=CONV_KERNEL_INITIALIZER,
                               name=f"{name}se_expand")(se)

            x = layers.multiply([x, se], name=f"{name}se_excite")

        # Output phase
        x = layers.Conv2D(filters=output_filters, kernel_size=1, strides=1,
                          kernel_initializer=CONV_KERNEL_INITIALIZER, padding="same",
                          data_format=backend.image_data_format(), use_bias=False,
                          name=f"{name}project_conv")(x)
        x = layers.BatchNormalization(axis=bn_axis, momentum=bn_momentum,
                                      name=f"{name}project_bn")(x)

        if strides == 1 and input_filters == output_filters:
            if survival_probability:
                x = layers.Dropout(survival_probability, noise_shape=(None, 1, 1, 1),
                                   name=f"{name}drop")(x)
            x = layers.add([x, inputs], name=f"{name}add")

        return x

    return apply


def FusedMBConvBlock(input_filters, output_filters, expand_ratio=1, kernel_size=3, strides=1,
                     se_ratio=0.0, bn_momentum=0.9, activation="swish",
                     survival_probability=0.8, name=None):
    """Fuses the proj conv1x1 and depthwise_conv into a conv2d."""
    bn_axis = 3 if backend.image_data_format() == "channels_last" else 1

    if name is None:
        # Keras 3.15's keras.src.backend has no get_uid: it raises AttributeError here.
        name = backend.get_uid("block0")

    def apply(inputs):
        filters = input_filters * expand_ratio
        if expand_ratio != 1:
            x = layers.Conv2D(filters, kernel_size=kernel_size, strides=strides,
                              kernel_initializer=CONV_KERNEL_INITIALIZER,
                              data_format=backend.image_data_format(), padding="same",
                              use_bias=False, name=f"{name}expand_conv")(inputs)
            x = layers.BatchNormalization(axis=bn_axis, momentum=bn_momentum,
                                          name=f"{name}expand_bn")(x)
            x = layers.Activation(activation=activation, name=f"{name}expand_activation")(x)
        else:
            x = inputs

        # Squeeze and excite
        if 0 < se_ratio <= 1:
            filters_se = max(1, int(input_filters * se_ratio))
            se = layers.GlobalAveragePooling2D(name=f"{name}se_squeeze")(x)
            if bn_axis == 1:
                se_shape = (filters, 1, 1)
            else:
                se_shape = (1, 1, filters)

            se = layers.Reshape(se_shape, name=f"{name}se_reshape")(se)

            se = layers.Conv2D(filters_se, 1, padding="same", activation=activation,
                               kernel_initializer=CONV_KERNEL_INITIALIZER,
                               name=f"{name}se_reduce")(se)
            se = layers.Conv2D(filters, 1, padding="same", activation="sigmoid",
                               kernel_initializer=CONV_KERNEL_INITIALIZER,
                               name=f"{name}se_expand")(se)

            x = layers.multiply([x, se], name=f"{name}se_excite")

        # Output phase:
        x = layers.Conv2D(output_filters, kernel_size=1 if expand_ratio != 1 else kernel_size,
                          strides=1 if expand_ratio != 1 else strides,
                          kernel_initializer=CONV_KERNEL_INITIALIZER, padding="same",
                          use_bias=False, name=f"{name}project_conv")(x)
        x = layers.BatchNormalization(axis=bn_axis, momentum=bn_momentum,
                                      name=f"{name}project_bn")(x)
        if expand_ratio == 1:
            x = layers.Activation(activation=activation, name=f"{name}project_activation")(x)

        # Residual:
        if strides == 1 and input_filters == output_filters:
            if survival_probability:
                x = layers.Dropout(survival_probability, noise_shape=(None, 1, 1, 1),
                                   name=f"{name}drop")(x)
            x = layers.add([x, inputs], name=f"{name}add")
        return x

    return apply


def EfficientNetV2(width_coefficient, depth_coefficient, default_size, dropout_rate=0.2,
                   drop_connect_rate=0.2, depth_divisor=8, min_depth=8, bn_momentum=0.9,
                   activation="swish", blocks_args="default", name="efficientnetv2",
                   include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
                   pooling=None, classes=1000, classifier_activation="softmax",
                   include_preprocessing=True, weights_name=None):
    """Instantiates an EfficientNetV2 from its scaling coefficients (Keras's generic builder)."""
    if blocks_args == "default":
        blocks_args = DEFAULT_BLOCKS_ARGS[name]

    if not (weights in {"imagenet", None} or file_utils.exists(weights)):
        raise ApplicationError(
            "The `weights` argument should be either "
            "`None` (random initialization), `imagenet` "
            "(pre-training on ImageNet), "
            "or the path to the weights file to be loaded."
            f"Received: weights={weights}")

    if weights == "imagenet" and include_top and classes != 1000:
        raise ApplicationError(
            'If using `weights="imagenet"` with `include_top`'
            " as true, `classes` should be 1000")

    # Determine proper input shape
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

    bn_axis = 3 if backend.image_data_format() == "channels_last" else 1

    x = img_input

    if include_preprocessing:
        # Apply original V1 preprocessing for Bx variants
        # if number of channels allows it
        num_channels = input_shape[bn_axis - 1]
        if name.split("-")[-1].startswith("b") and num_channels == 3:
            x = layers.Rescaling(scale=1.0 / 255)(x)
            mean = [0.485, 0.456, 0.406]
            variance = [0.229**2, 0.224**2, 0.225**2]
            x = layers.Normalization(mean=mean, variance=variance, axis=bn_axis)(x)
        else:
            x = layers.Rescaling(scale=1.0 / 128.0, offset=-1)(x)

    # Build stem
    stem_filters = round_filters(filters=blocks_args[0]["input_filters"],
                                 width_coefficient=width_coefficient, min_depth=min_depth,
                                 depth_divisor=depth_divisor)
    x = layers.Conv2D(filters=stem_filters, kernel_size=3, strides=2,
                      kernel_initializer=CONV_KERNEL_INITIALIZER, padding="same",
                      use_bias=False, name="stem_conv")(x)
    x = layers.BatchNormalization(axis=bn_axis, momentum=bn_momentum, name="stem_bn")(x)
    x = layers.Activation(activation, name="stem_activation")(x)

    # Build blocks
    blocks_args = copy.deepcopy(blocks_args)
    b = 0
    blocks = float(sum(args["num_repeat"] for args in blocks_args))

    for i, args in enumerate(blocks_args):
        if args["num_repeat"] <= 0:
            raise ApplicationError(
                f"The number of repeats in `EfficientNetV2` must be > 0. "
                f"Received: num_repeat={args['num_repeat']}")

        # Update block input and output filters based on depth multiplier.
        args["input_filters"] = round_filters(filters=args["input_filters"],
                                              width_coefficient=width_coefficient,
                                              min_depth=min_depth, depth_divisor=depth_divisor)
        args["output_filters"] = round_filters(filters=args["output_filters"],
                                               width_coefficient=width_coefficient,
                                               min_depth=min_depth, depth_divisor=depth_divisor)

        # Determine which conv type to use:
        block = {0: MBConvBlock, 1: FusedMBConvBlock}[args.pop("conv_type")]
        repeats = round_repeats(repeats=args.pop("num_repeat"),
                                depth_coefficient=depth_coefficient)
        for j in range(repeats):
            # The first block needs to take care of stride and filter size
            # increase.
            if j > 0:
                args["strides"] = 1
                args["input_filters"] = args["output_filters"]

            x = block(activation=activation, bn_momentum=bn_momentum,
                      survival_probability=drop_connect_rate * b / blocks,
                      name=f"block{i + 1}{chr(j + 97)}_", **args)(x)
            b += 1

    # Build top
    top_filters = round_filters(filters=1280, width_coefficient=width_coefficient,
                                min_depth=min_depth, depth_divisor=depth_divisor)
    x = layers.Conv2D(filters=top_filters, kernel_size=1, strides=1,
                      kernel_initializer=CONV_KERNEL_INITIALIZER, padding="same",
                      data_format=backend.image_data_format(), use_bias=False,
                      name="top_conv")(x)
    x = layers.BatchNormalization(axis=bn_axis, momentum=bn_momentum, name="top_bn")(x)
    x = layers.Activation(activation=activation, name="top_activation")(x)

    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        if dropout_rate > 0:
            x = layers.Dropout(dropout_rate, name="top_dropout")(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation,
                         kernel_initializer=DENSE_KERNEL_INITIALIZER,
                         bias_initializer=initializers.Constant(0.0), name="predictions")(x)
    else:
        if pooling == "avg":
            x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        elif pooling == "max":
            x = layers.GlobalMaxPooling2D(name="max_pool")(x)

    # Ensure that the model takes into account
    # any potential predecessors of `input_tensor`.
    if input_tensor is not None:
        inputs = operation_utils.get_source_inputs(input_tensor)
    else:
        inputs = img_input

    # Create model.
    model = Functional(inputs, x, name=name)
    return skip_weights(model, weights)


def EfficientNetV2B0(include_top=True, weights="imagenet", input_tensor=None,
                     input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-b0"):
    """Instantiates the EfficientNetV2B0 architecture (Tan & Le, ICML 2021)."""
    return EfficientNetV2(width_coefficient=1.0, depth_coefficient=1.0, default_size=224,
                          name=name, include_top=include_top, weights=weights,
                          input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                          classes=classes, classifier_activation=classifier_activation,
                          include_preprocessing=include_preprocessing, weights_name="b0")


def EfficientNetV2B1(include_top=True, weights="imagenet", input_tensor=None,
                     input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-b1"):
    """Instantiates the EfficientNetV2B1 architecture (Tan & Le, ICML 2021)."""
    return EfficientNetV2(width_coefficient=1.0, depth_coefficient=1.1, default_size=240,
                          name=name, include_top=include_top, weights=weights,
                          input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                          classes=classes, classifier_activation=classifier_activation,
                          include_preprocessing=include_preprocessing, weights_name="b1")


def EfficientNetV2B2(include_top=True, weights="imagenet", input_tensor=None,
                     input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-b2"):
    """Instantiates the EfficientNetV2B2 architecture (Tan & Le, ICML 2021)."""
    return EfficientNetV2(width_coefficient=1.1, depth_coefficient=1.2, default_size=260,
                          name=name, include_top=include_top, weights=weights,
                          input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                          classes=classes, classifier_activation=classifier_activation,
                          include_preprocessing=include_preprocessing, weights_name="b2")


def EfficientNetV2B3(include_top=True, weights="imagenet", input_tensor=None,
                     input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-b3"):
    """Instantiates the EfficientNetV2B3 architecture (Tan & Le, ICML 2021)."""
    return EfficientNetV2(width_coefficient=1.2, depth_coefficient=1.4, default_size=300,
                          name=name, include_top=include_top, weights=weights,
                          input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                          classes=classes, classifier_activation=classifier_activation,
                          include_preprocessing=include_preprocessing, weights_name="b3")


def EfficientNetV2S(include_top=True, weights="imagenet", input_tensor=None,
                     input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-s"):
    """Instantiates the EfficientNetV2S architecture (Tan & Le, ICML 2021)."""
    return EfficientNetV2(width_coefficient=1.0, depth_coefficient=1.0, default_size=384,
                          name=name, include_top=include_top, weights=weights,
                          input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                          classes=classes, classifier_activation=classifier_activation,
                          include_preprocessing=include_preprocessing, weights_name="-s")


def EfficientNetV2M(include_top=True, weights="imagenet", input_tensor=None,
                     input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-m"):
    """Instantiates the EfficientNetV2M architecture (Tan & Le, ICML 2021)."""
    return EfficientNetV2(width_coefficient=1.0, depth_coefficient=1.0, default_size=480,
                          name=name, include_top=include_top, weights=weights,
                          input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                          classes=classes, classifier_activation=classifier_activation,
                          include_preprocessing=include_preprocessing, weights_name="-m")


def EfficientNetV2L(include_top=True, weights="imagenet", input_tensor=None,
                     input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-l"):
    """Instantiates the EfficientNetV2L architecture (Tan & Le, ICML 2021)."""
    return EfficientNetV2(width_coefficient=1.0, depth_coefficient=1.0, default_size=480,
                          name=name, include_top=include_top, weights=weights,
                          input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                          classes=classes, classifier_activation=classifier_activation,
                          include_preprocessing=include_preprocessing, weights_name="-l")


def preprocess_input(x, data_format=None):
    """A placeholder kept for API consistency: the model rescales its input itself."""
    return x


def decode_predictions(preds, top=5):
    """Decodes ImageNet predictions (``imagenet_utils.decode_predictions``)."""
    return imagenet_utils.decode_predictions(preds, top=top)
