"""Model diagrams: what Keras's ``plot_model`` draws (boxes, labels, edges, clusters).

Plain data: this module does not import Keras.  ``CASES`` is a list of
``{"id", "code", "options"}``; every ``code`` builds ``model`` with only ``keras``,
``layers`` and ``ops`` pre-bound; ``options`` is a list of keyword sets for
``keras.utils.model_to_dot`` (each recorded separately).

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_diagrams.py

writes ``tests/golden/diagrams/keras3.json.gz`` (see tools/make_diagrams.py).
The same models are the browser tests' subjects (tests/diagram/).
"""

BASIC = {}
SHAPES = {"show_shapes": True}
EVERYTHING = {"show_shapes": True, "show_dtype": True, "show_layer_activations": True,
              "show_trainable": True}
NO_NAMES = {"show_layer_names": False}
NESTED = {"expand_nested": True}
NESTED_ALL = dict(EVERYTHING, expand_nested=True)

CASES = [
    {"id": "sequential_cnn", "options": [BASIC, EVERYTHING, NO_NAMES], "code": """
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dropout(0.5),
    layers.Dense(10, activation="softmax"),
], name="cnn")
"""},
    {"id": "sequential_input_shape", "options": [BASIC, EVERYTHING], "code": """
model = keras.Sequential(name="mlp")
model.add(layers.Dense(16, activation="relu", input_shape=(8,)))
model.add(layers.BatchNormalization())
model.add(layers.Dense(1, activation="sigmoid"))
"""},
    {"id": "shared_layers", "options": [BASIC, EVERYTHING], "code": """
a = keras.Input(shape=(20,), name="left")
b = keras.Input(shape=(20,), name="right")
shared = layers.Dense(16, activation="relu", name="shared_dense")
x = layers.concatenate([shared(a), shared(b)], name="merge")
x = layers.Dense(8, activation="tanh", name="mix")(x)
y = shared(layers.Dense(20, name="back")(x))
out = layers.Dense(1, activation="sigmoid", name="score")(layers.add([y, shared(a)]))
model = keras.Model([a, b], out, name="siamese")
"""},
    {"id": "lstm_seq2seq", "options": [BASIC, EVERYTHING], "code": """
encoder_inputs = keras.Input(shape=(None, 71), name="encoder_inputs")
encoder = layers.LSTM(256, return_state=True, name="encoder")
encoder_outputs, state_h, state_c = encoder(encoder_inputs)
decoder_inputs = keras.Input(shape=(None, 93), name="decoder_inputs")
decoder_lstm = layers.LSTM(256, return_sequences=True, return_state=True, name="decoder")
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
decoder_outputs = layers.Dense(93, activation="softmax", name="projection")(decoder_outputs)
model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name="seq2seq")
"""},
    {"id": "nested", "options": [BASIC, EVERYTHING, NESTED, NESTED_ALL], "code": """
backbone = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, padding="same", activation="relu", name="conv_a"),
    layers.Conv2D(8, 3, padding="same", activation="relu", name="conv_b"),
    layers.GlobalAveragePooling2D(name="gap"),
], name="backbone")
backbone.trainable = False
h_in = keras.Input(shape=(8,), name="head_in")
h = layers.Dense(4, activation="relu", name="head_hidden")(h_in)
head = keras.Model(h_in, [layers.Dense(3, name="logits")(h), layers.Dense(1, name="aux")(h)],
                   name="head")
image = keras.Input(shape=(32, 32, 3), name="image")
features = backbone(image)
logits, aux = head(features)
model = keras.Model(image, [layers.Softmax(name="probs")(logits), aux], name="classifier")
"""},
    {"id": "nested_twice", "options": [EVERYTHING, NESTED], "code": """
inner_in = keras.Input(shape=(6,), name="inner_in")
inner = keras.Model(inner_in, layers.Dense(6, name="inner_dense")(inner_in), name="inner")
middle_in = keras.Input(shape=(6,), name="middle_in")
middle = keras.Model(middle_in, layers.ReLU(name="middle_relu")(inner(middle_in)),
                     name="middle")
x_in = keras.Input(shape=(6,), name="x")
y = middle(x_in)
z = middle(layers.Dense(6, name="pre")(x_in))
model = keras.Model(x_in, layers.Average(name="avg")([y, z]), name="outer")
"""},
    {"id": "sequential_in_sequential", "options": [BASIC, NESTED], "code": """
block = keras.Sequential([layers.Dense(8, activation="relu", name="b1"),
                          layers.Dense(8, activation="relu", name="b2")], name="block")
model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8, name="stem"), block,
                          layers.Dense(2, name="out")], name="stack")
"""},
    {"id": "multi_io_dict", "options": [BASIC, SHAPES], "code": """
title = keras.Input(shape=(None,), name="title", dtype="int32")
body = keras.Input(shape=(None,), name="body", dtype="int32")
tags = keras.Input(shape=(12,), name="tags")
t = layers.LSTM(32, name="title_lstm")(layers.Embedding(1000, 16, name="title_emb")(title))
b = layers.LSTM(16, name="body_lstm")(layers.Embedding(1000, 16, name="body_emb")(body))
x = layers.concatenate([t, b, tags], name="features")
model = keras.Model({"title": title, "body": body, "tags": tags},
                    {"priority": layers.Dense(1, name="priority")(x),
                     "department": layers.Dense(4, name="department")(x)},
                    name="tickets")
"""},
    {"id": "ops_and_operators", "options": [BASIC, SHAPES], "code": """
a = keras.Input(shape=(5,), name="a")
b = keras.Input(shape=(5,), name="b")
x = ops.add(a, b)
x = x * 2.0
x = ops.concatenate([x, ops.relu(b)], axis=-1)
model = keras.Model([a, b], layers.Dense(3, name="out")(x), name="opsy")
"""},
    {"id": "repeated_call", "options": [BASIC, SHAPES], "code": """
inp = keras.Input(shape=(4,), name="inp")
square = layers.Dense(4, name="square")
mid = layers.Dense(4, name="mid")
x = square(inp)
x = square(x)
x = mid(x)
x = square(x)
model = keras.Model(inp, x, name="loops")
"""},
    {"id": "subclassed", "options": [BASIC, EVERYTHING], "code": """
class TwoLayer(keras.Model):
    def __init__(self):
        super().__init__(name="two_layer")
        self.hidden = layers.Dense(4, activation="relu")
        self.out = layers.Dense(2)

    def call(self, x):
        return self.out(self.hidden(x))

model = TwoLayer()
model(keras.Input(shape=(3,)))
"""},
    {"id": "mixed_precision", "options": [EVERYTHING], "code": """
inp = keras.Input(shape=(16,), name="inp")
x = layers.Dense(8, activation="gelu", dtype="mixed_float16", name="half")(inp)
x = layers.LayerNormalization(name="norm")(x)
frozen = layers.Dense(4, name="frozen", trainable=False)
model = keras.Model(inp, layers.Activation("softmax", dtype="float32", name="probs")(frozen(x)),
                    name="mixed")
"""},
    {"id": "resnet50", "options": [BASIC, SHAPES], "code": """
model = keras.applications.ResNet50(weights=None)
"""},
    {"id": "inception_v3", "options": [BASIC], "code": """
model = keras.applications.InceptionV3(weights=None)
"""},
    {"id": "nasnet_mobile", "options": [BASIC], "code": """
model = keras.applications.NASNetMobile(weights=None)
"""},
    {"id": "mobilenet_v3_small", "options": [BASIC, SHAPES], "code": """
model = keras.applications.MobileNetV3Small(weights=None)
"""},
]
