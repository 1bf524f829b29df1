"""Golden cases of the Keras 3 API that need TensorFlow even on Keras 3 (StringLookup,
IntegerLookup, TextVectorization use TensorFlow's lookup tables): their adapt().  Same format as tools/cases/api_surface.py; generated with Keras 3.15
on its TensorFlow backend, in the venv that has TensorFlow:

    KERAS_BACKEND=tensorflow TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python \\
        tools/make_golden.py --keras3-backend tensorflow --cases tools/cases/api_adapt_tf.py \\
        --out tests/golden/keras3_api/api_adapt_tf.json.gz
"""

import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "api_surface", os.path.join(os.path.dirname(os.path.abspath(__file__)), "api_surface.py"))
_surface = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_surface)
PRELUDE = _surface.PRELUDE
CASES = []


def case(id, code, tags=()):
    CASES.append({"id": id, "code": PRELUDE + code, "tags": ["api", "tensorflow"] + list(tags)})


case("adapt/string_lookup", """
words = np.array([["a", "b", "c"], ["d", "a", "b"], ["e", "", "[UNK]"]])
one_hot = layers.StringLookup(output_mode="one_hot")
one_hot.adapt(np.array(["x", "y", "z", "x"]))
multi = layers.StringLookup(output_mode="multi_hot", num_oov_indices=2)
multi.adapt(words)
capped = layers.StringLookup(max_tokens=4, output_mode="count")
capped.adapt(words)
masked = layers.StringLookup(mask_token="", output_mode="int")
masked.adapt(words)
padded = layers.StringLookup(max_tokens=10, pad_to_max_tokens=True, output_mode="multi_hot")
padded.adapt(words)
ints = layers.IntegerLookup(output_mode="multi_hot")
ints.adapt(np.array([[3, 4, 4, 12], [7, 7, 7, 1]]))
record = [l.vocabulary_size() for l in (one_hot, multi, capped, masked, padded, ints)]
s = keras.Input((1,), dtype="string")
t = keras.Input((3,), dtype="string")
n = keras.Input((4,), dtype="int64")
model = keras.Model([s, t, n], [one_hot(s), multi(t), capped(t), masked(t), padded(t), ints(n)])
""", tags=["eager"])

case("adapt/text_vectorization", """
texts = ["The cat sat on the mat.", "The dog ate my homework!", "Cats and dogs, cats & DOGS"]
multi = layers.TextVectorization(output_mode="multi_hot")
multi.adapt(texts)
bigrams = layers.TextVectorization(ngrams=2, output_mode="count")
bigrams.adapt(texts)
tfidf = layers.TextVectorization(max_tokens=8, output_mode="tf_idf")
tfidf.adapt(texts)
chars = layers.TextVectorization(split="character", standardize="lower", output_mode="multi_hot")
chars.adapt(np.array(texts))
ints = layers.TextVectorization(max_tokens=50, output_sequence_length=6)
ints.adapt(texts)
record = [l.vocabulary_size() for l in (multi, bigrams, tfidf, chars, ints)]
x = keras.Input((1,), dtype="string")
e = layers.Embedding(ints.vocabulary_size(), 4)(ints(x))
model = keras.Model(x, [multi(x), bigrams(x), tfidf(x), chars(x), layers.Flatten()(e)])
""", tags=["eager"])

case("adapt/lookup_errors", """
fixed = layers.StringLookup(vocabulary=["a", "b"])
disc = layers.Discretization(bin_boundaries=[0.0, 1.0])
bins = layers.Discretization(num_bins=4, output_mode="one_hot")
bins.adapt(np.arange(100, dtype="float32"))
record = {"fixed": err(lambda: fixed.adapt(["a", "c"])),
          "discretization": err(lambda: disc.adapt(np.zeros(5)))}
model = keras.Sequential([keras.Input((1,)), bins])
""", tags=["eager", "loose_message"])


case("adapt/normalization_batches_and_errors", """
norm = layers.Normalization()
norm.adapt([np.ones((4, 3)), np.ones((2, 3))])
built = layers.Normalization()
built.build((None, 5))
record = {"weights": [list(w.shape) for w in norm.weights],
          "unsupported_list": err(lambda: layers.Normalization().adapt(["a"])),
          "mismatch": err(lambda: built.adapt(np.zeros((7, 4)))),
          "empty": err(lambda: layers.Normalization().adapt([])),
          "no_shape": err(lambda: layers.Normalization().adapt([[1.0, 2.0]])),
          "unsupported": err(lambda: layers.Normalization().adapt(3.0))}
""", tags=["eager", "loose_message"])

