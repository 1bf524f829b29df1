"""Golden cases: the models of the scripts in tests/scripts/, as Keras builds them.

Each script there loads data paramscope does not have (a CSV, a folder of images, a JSON
file, command-line arguments...) and then builds its model.  `paramscope summary` skips
what needs the data and reaches the model; where the model needs a value computed from the
data, `--set` supplies it.  Each case is the script's model code (between its
`# -- model (golden case ...) --` and `# -- end model --` lines, which tests/test_keep_going.py
checks are the same text) after the values the tests pass with `--set`.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py --cases tools/cases/scripts.py
        -> tests/golden/keras3/scripts.json.gz
"""

import textwrap

TABULAR_CSV = '''\
model = keras.Sequential(
    [
        keras.Input(shape=(num_features,)),
        layers.Dense(256, activation="relu"),
        layers.Dense(256, activation="relu"),
        layers.Dropout(0.3),
        layers.Dense(1, activation="sigmoid"),
    ]
)
'''

MNIST_CLASS_COUNT = '''\
model = keras.Sequential(
    [
        keras.Input(shape=x_train.shape[1:]),
        layers.Dense(512, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
'''

MAIN_FUNCTION = '''\
def make_model(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(32, 3, strides=2, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    previous = x
    for size in (64, 128):
        x = layers.SeparableConv2D(size, 3, padding="same")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
        residual = layers.Conv2D(size, 1, strides=2, padding="same")(previous)
        x = layers.add([x, residual])
        previous = x
    x = layers.GlobalAveragePooling2D()(x)
    units = 1 if num_classes == 2 else num_classes
    outputs = layers.Dense(units, activation=None)(x)
    return keras.Model(inputs, outputs, name="small_xception")
'''

UNKNOWN_INTO_FUNCTION = '''\
def build_classifier(image_size, class_names):
    base = keras.Sequential(
        [
            keras.Input(shape=image_size + (3,)),
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(32, 3, activation="relu"),
            layers.GlobalAveragePooling2D(),
        ],
        name="features",
    )
    head = layers.Dense(len(class_names), activation="softmax", name="classes")
    return keras.Sequential([base, head], name="flowers")
'''

CONFIG_FILE = '''\
model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        layers.Dense(units, activation="relu"),
        layers.Dense(units // 2, activation="relu"),
        layers.Dense(3),
    ]
)
'''

COMMAND_LINE = '''\
inputs = keras.Input(shape=(32,))
x = inputs
for _ in range(args.depth):
    x = layers.Dense(args.units, activation="relu")(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
'''

OPTIONAL_PACKAGES = '''\
model = keras.Sequential([keras.Input(shape=(8,))])
for width in range(3):
    model.add(layers.Dense(16 * (width + 1), activation=activation))
model.add(layers.Dense(1))
'''

NOTEBOOK_CELLS = '''\
inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(filters=32, kernel_size=3, activation="relu")(inputs)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
'''

EAGER_BUILD = '''\
class Classifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.flatten = layers.Flatten()
        self.hidden = layers.Dense(32, activation="relu")
        self.out = layers.Dense(10)

    def call(self, x):
        return self.out(self.hidden(self.flatten(x)))


model = Classifier()
logits = model(x_train[:4] / 255.0)
'''

TWO_MODELS_ENCODER = '''\
encoder_inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(32, 3, activation="relu", strides=2, padding="same")(encoder_inputs)
x = layers.Flatten()(x)
z = layers.Dense(2, name="z")(x)
encoder = keras.Model(encoder_inputs, z, name="encoder")
'''

NUMPY_ON_DATASETS = '''\
model = keras.Sequential(
    [
        keras.Input(shape=x.shape[1:]),
        layers.Conv2D(8, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
'''

MISSING_FOLDER = '''\
inputs = keras.Input(shape=(200, 50, 1), name="image")
x = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Reshape((100, 25 * 32))(x)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
outputs = layers.Dense(20, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="ocr")
'''

NPY_ARRAYS = '''\
model = keras.Sequential(
    [
        keras.Input(shape=x_train.shape[1:]),
        layers.Conv1D(16, 5, activation="relu"),
        layers.GlobalMaxPooling1D(),
        layers.Dense(10, activation="softmax"),
    ]
)
'''

SCRIPT_CLASS_PATHS = '''\
alphabet = "abcdefghijklmnopqrstuvwxyz "


class TextImageGenerator(keras.callbacks.Callback):
    def __init__(self, monogram_file, bigram_file, minibatch_size, absolute_max_string_len=16):
        self.monogram_file = monogram_file
        self.bigram_file = bigram_file
        self.minibatch_size = minibatch_size
        self.blank_label = self.get_output_size() - 1
        self.absolute_max_string_len = absolute_max_string_len

    def get_output_size(self):
        return len(alphabet) + 1

    def build_word_list(self, num_words):
        with open(self.monogram_file) as f:
            self.words = f.read().split()[:num_words]


def build_model(img_gen, img_w=64):
    inputs = keras.Input(shape=(img_w, 32), name="the_input")
    x = layers.GRU(64, return_sequences=True, name="gru")(inputs)
    outputs = layers.Dense(img_gen.get_output_size(), activation="softmax", name="dense2")(x)
    labels = keras.Input(shape=[img_gen.absolute_max_string_len], name="the_labels")
    return keras.Model([inputs, labels], [outputs, labels], name="ocr")
'''

#: Arrays with a dataset's shape, without allocating it (only the shape is used).
ZEROS = "import numpy as np\n{name} = np.broadcast_to(np.float32(0), {shape})\n"

CASES = [
    {"id": "scripts/tabular_csv", "tags": ["scripts"],
     "code": "num_features = 30\n" + TABULAR_CSV},
    {"id": "scripts/mnist_class_count", "tags": ["scripts"],
     "code": ZEROS.format(name="x_train", shape=(60000, 784)) + "num_classes = 10\n"
             + MNIST_CLASS_COUNT},
    {"id": "scripts/main_function", "tags": ["scripts"],
     "code": MAIN_FUNCTION + "model = make_model(input_shape=(180, 180) + (3,), num_classes=2)\n"},
    {"id": "scripts/unknown_into_function", "tags": ["scripts"],
     "code": UNKNOWN_INTO_FUNCTION + "model = build_classifier((64, 64), ['daisy', 'dandelion', "
             "'roses', 'sunflowers', 'tulips'])\n"},
    {"id": "scripts/config_file", "tags": ["scripts"], "code": "units = 64\n" + CONFIG_FILE},
    {"id": "scripts/command_line", "tags": ["scripts"],
     "code": "import types\nargs = types.SimpleNamespace(units=64, depth=3)\n" + COMMAND_LINE},
    {"id": "scripts/optional_packages", "tags": ["scripts"],
     "code": "activation = 'relu'\n" + OPTIONAL_PACKAGES},
    {"id": "scripts/notebook_cells", "tags": ["scripts"], "code": NOTEBOOK_CELLS},
    {"id": "scripts/eager_build", "tags": ["scripts"],
     "code": ZEROS.format(name="x_train", shape=(60000, 28, 28)) + EAGER_BUILD},
    {"id": "scripts/two_models_encoder", "tags": ["scripts"],
     "code": TWO_MODELS_ENCODER + "model = encoder\n"},
    {"id": "scripts/numpy_on_datasets", "tags": ["scripts"],
     "code": ZEROS.format(name="x", shape=(70000, 28, 28, 1)) + "num_classes = 2\n"
             + NUMPY_ON_DATASETS},
    {"id": "scripts/missing_folder", "tags": ["scripts"], "code": MISSING_FOLDER},
    {"id": "scripts/npy_arrays", "tags": ["scripts"],
     "code": ZEROS.format(name="x_train", shape=(1000, 784, 1)) + NPY_ARRAYS},
    # The download's folder as a path that names no file (the class only stores it).
    {"id": "scripts/script_class_paths", "tags": ["scripts"],
     "code": SCRIPT_CLASS_PATHS + "img_gen = TextImageGenerator('/nowhere/wordlist_mono_clean"
             ".txt', '/nowhere/wordlist_bi_clean.txt', minibatch_size=32)\n"
             "model = build_model(img_gen)\n"},
]

#: The model code of each case, as the script has it (indented as in the script).
MODEL_CODE = {
    "scripts/tabular_csv": TABULAR_CSV,
    "scripts/mnist_class_count": MNIST_CLASS_COUNT,
    "scripts/main_function": MAIN_FUNCTION,
    "scripts/unknown_into_function": UNKNOWN_INTO_FUNCTION,
    "scripts/config_file": textwrap.indent(CONFIG_FILE, "    "),
    "scripts/command_line": COMMAND_LINE,
    "scripts/optional_packages": OPTIONAL_PACKAGES,
    "scripts/notebook_cells": NOTEBOOK_CELLS,
    "scripts/eager_build": EAGER_BUILD,
    "scripts/two_models_encoder": TWO_MODELS_ENCODER,
    "scripts/numpy_on_datasets": NUMPY_ON_DATASETS,
    "scripts/missing_folder": MISSING_FOLDER,
    "scripts/npy_arrays": NPY_ARRAYS,
    "scripts/script_class_paths": SCRIPT_CLASS_PATHS,
}
