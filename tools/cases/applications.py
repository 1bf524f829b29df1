"""Golden cases: keras.applications inside scripts (transfer learning, as tutorials write it).

Each case builds an application (``weights=None``: the generator downloads nothing; the
architecture is the same with ``"imagenet"`` except EfficientNet's extra Rescaling layer,
which tests/test_applications_builders.py covers) and stacks layers on it the way the
well-known tutorials do: a frozen base called with ``training=False``, preprocessing
inside the graph (``<family>.preprocess_input`` on a symbolic tensor records Keras
operations), ``input_tensor=``, ``pooling=``, fine-tuning with part of the base frozen.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py \\
        --cases tools/cases/applications.py --out tests/golden/keras3/applications.json.gz
"""

CASES = []


def _add(case_id, code, *tags):
    CASES.append({"id": "applications/" + case_id, "code": code.strip("\n") + "\n",
                  "tags": ["applications", *tags]})


# tensorflow.org "Transfer learning and fine-tuning" (MobileNetV2, 160x160).
_add("tf_tutorial_mobilenet_v2", """
IMG_SHAPE = (160, 160, 3)
base_model = keras.applications.MobileNetV2(input_shape=IMG_SHAPE, include_top=False,
                                            weights=None)
base_model.trainable = False
data_augmentation = keras.Sequential([
    layers.RandomFlip("horizontal"),
    layers.RandomRotation(0.2),
])
preprocess_input = keras.applications.mobilenet_v2.preprocess_input
global_average_layer = layers.GlobalAveragePooling2D()
prediction_layer = layers.Dense(1, activation="sigmoid")
inputs = keras.Input(shape=(160, 160, 3))
x = data_augmentation(inputs)
x = preprocess_input(x)
x = base_model(x, training=False)
x = global_average_layer(x)
x = layers.Dropout(0.2)(x)
outputs = prediction_layer(x)
model = keras.Model(inputs, outputs)
""", "mobilenet_v2", "frozen", "preprocess")

# The same, fine-tuning from layer 100 on.
_add("tf_tutorial_fine_tune", """
base_model = keras.applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False,
                                            weights=None)
base_model.trainable = True
for layer in base_model.layers[:100]:
    layer.trainable = False
inputs = keras.Input(shape=(160, 160, 3))
x = keras.applications.mobilenet_v2.preprocess_input(inputs)
x = base_model(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
""", "mobilenet_v2", "partly_frozen")

# keras.io "Transfer learning & fine-tuning" (Xception, 150x150, Rescaling to [-1, 1]).
_add("keras_io_xception", """
base_model = keras.applications.Xception(weights=None, input_shape=(150, 150, 3),
                                         include_top=False)
base_model.trainable = False
inputs = keras.Input(shape=(150, 150, 3))
scale_layer = layers.Rescaling(scale=1 / 127.5, offset=-1)
x = scale_layer(inputs)
x = base_model(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
""", "xception", "frozen")

# The classic blog post: VGG16 convolutional base + a new classifier, in a Sequential.
_add("vgg16_sequential_head", """
conv_base = keras.applications.VGG16(weights=None, include_top=False,
                                     input_shape=(150, 150, 3))
conv_base.trainable = False
model = keras.Sequential([
    conv_base,
    layers.Flatten(),
    layers.Dense(256, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
""", "vgg16", "sequential", "frozen")

# VGG16 with its caffe preprocessing (RGB->BGR, mean subtraction) inside the graph.
_add("vgg16_preprocess_caffe", """
inputs = keras.Input(shape=(64, 64, 3))
x = keras.applications.vgg16.preprocess_input(inputs)
base = keras.applications.VGG16(weights=None, include_top=False, input_shape=(64, 64, 3))
x = base(x)
x = layers.GlobalMaxPooling2D()(x)
model = keras.Model(inputs, layers.Dense(5, activation="softmax")(x))
""", "vgg16", "preprocess")

# DenseNet's torch-mode preprocessing (scale, mean, std) inside the graph.
_add("densenet_preprocess_torch", """
inputs = keras.Input(shape=(96, 96, 3))
x = keras.applications.densenet.preprocess_input(inputs)
base = keras.applications.DenseNet121(weights=None, include_top=False, pooling="avg",
                                      input_shape=(96, 96, 3))
x = base(x)
model = keras.Model(inputs, layers.Dense(3)(x))
""", "densenet", "preprocess")

# Keras docs "Fine-tune InceptionV3 on a new set of classes".
_add("keras_docs_inception_v3", """
base_model = keras.applications.InceptionV3(weights=None, include_top=False)
x = base_model.output
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(1024, activation="relu")(x)
predictions = layers.Dense(200, activation="softmax")(x)
model = keras.Model(inputs=base_model.input, outputs=predictions)
for layer in base_model.layers[:249]:
    layer.trainable = False
""", "inception_v3", "partly_frozen", "graph")

# keras.io "Image classification via fine-tuning with EfficientNet": input_tensor=.
_add("keras_io_efficientnet_b0", """
inputs = layers.Input(shape=(224, 224, 3))
model = keras.applications.EfficientNetB0(include_top=False, input_tensor=inputs, weights=None)
model.trainable = False
x = layers.GlobalAveragePooling2D(name="avg_pool")(model.output)
x = layers.BatchNormalization()(x)
x = layers.Dropout(0.2, name="top_dropout")(x)
outputs = layers.Dense(10, activation="softmax", name="pred")(x)
model = keras.Model(inputs, outputs, name="EfficientNet")
""", "efficientnet", "input_tensor", "frozen")

# ResNet50 feature extractor with pooling="avg" and its caffe preprocessing.
_add("resnet50_features", """
inputs = keras.Input(shape=(128, 128, 3), name="image")
x = keras.applications.resnet50.preprocess_input(inputs)
backbone = keras.applications.ResNet50(include_top=False, weights=None, pooling="avg",
                                       input_shape=(128, 128, 3))
backbone.trainable = False
features = backbone(x, training=False)
model = keras.Model(inputs, layers.Dense(4, name="head")(features), name="resnet_head")
""", "resnet", "preprocess", "frozen")

# Two applications in one session: auto-names continue (input_layer_1, ...).
_add("two_bases", """
a = keras.applications.MobileNetV3Small(input_shape=(96, 96, 3), include_top=False,
                                        weights=None, pooling="avg")
b = keras.applications.MobileNet(input_shape=(96, 96, 3), include_top=False, weights=None,
                                 pooling="avg", alpha=0.5)
inputs = keras.Input(shape=(96, 96, 3))
merged = layers.Concatenate()([a(inputs), b(inputs)])
model = keras.Model(inputs, layers.Dense(2)(merged))
""", "mobilenet_v3", "mobilenet", "graph")

# ConvNeXt (LayerScale) as a frozen base, nested in a Sequential.
_add("convnext_tiny_sequential", """
base = keras.applications.ConvNeXtTiny(include_top=False, weights=None,
                                       input_shape=(64, 64, 3), pooling="avg")
base.trainable = False
model = keras.Sequential([keras.Input((64, 64, 3)), base, layers.Dense(7)])
""", "convnext", "sequential", "frozen")

# Errors Keras raises for application arguments.
_add("error_imagenet_classes", """
model = keras.applications.ResNet50(weights="imagenet", classes=10)
""", "error")
_add("error_small_input", """
model = keras.applications.VGG16(weights=None, include_top=False, input_shape=(16, 16, 3))
""", "error")
_add("error_top_needs_static_shape", """
model = keras.applications.DenseNet121(weights=None, include_top=True,
                                       input_shape=(None, None, 3))
""", "error")
