"""Golden cases: preprocessing layers (Normalization, image preprocessing and augmentation,
CategoryEncoding, Discretization, Hashing, HashedCrossing, StringLookup, IntegerLookup,
TextVectorization, STFTSpectrogram, MelSpectrogram, Pipeline), SpectralNormalization, LoRA
(``lora_rank``, ``enable_lora``) and non-float32 dtype policies (per layer and global).

Plain data (no Keras import); format of tools/golden_cases.py.  Vocabularies are given in the
code: paramscope never runs ``adapt()``, and unadapted layers are recorded as Keras builds them
before adapt.  Functional cases name their Inputs so tf-keras and Keras 3 give the same names.
Cases that change a global setting (dtype policy, floatx) restore it in a ``finally`` so that
no later case sees it (tf-keras's clear_session keeps the global policy, and no clear_session
resets floatx).

StringLookup, IntegerLookup, TextVectorization, Hashing and HashedCrossing need TensorFlow even
with the JAX backend (``tf.lookup``, ``tf.strings``); without it Keras raises ImportError.  The
Keras 3 fixture was generated with TensorFlow importable but Keras 3.15.1 (JAX) first on the
path, through a ``sitecustomize.py`` that appends the tf-keras venv's site-packages (the same
keras 3.15.1, numpy and ml_dtypes versions; only tensorflow is added)::

    mkdir -p /tmp/tfpath && printf 'import sys\\nsys.path.append("%s")\\n' \\
        /work/venvs/k2/lib/python3.11/site-packages > /tmp/tfpath/sitecustomize.py
    PYTHONPATH=/tmp/tfpath KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py \\
        --cases tools/cases/preprocessing.py
    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend tfkeras \\
        --cases tools/cases/preprocessing.py
"""

CASES = []
_IDS = set()


def _add(case_id, code, *tags):
    case_id = "preprocessing/" + case_id
    if case_id in _IDS:
        raise ValueError(f"duplicate case id {case_id}")
    _IDS.add(case_id)
    CASES.append({"id": case_id, "code": code.strip("\n") + "\n",
                  "tags": ["preprocessing", *tags]})


def seq(*items, inp=None, dtype=None):
    first = []
    if inp is not None:
        first = [f"keras.Input(shape={inp!r}" + (f", dtype={dtype!r}" if dtype else "") + ")"]
    body = "".join(f"    {x},\n" for x in first + list(items))
    return f"model = keras.Sequential([\n{body}])\n"


def fn(inputs, body, outputs):
    """A Functional model: ``inputs`` is ``{name: shape}`` or ``{name: (shape, dtype)}``."""
    lines = []
    for name, spec in inputs.items():
        if isinstance(spec, tuple) and len(spec) == 2 and isinstance(spec[1], str):
            lines.append(f"{name} = keras.Input(shape={spec[0]!r}, dtype={spec[1]!r}, "
                         f"name={name!r})")
        else:
            lines.append(f"{name} = keras.Input(shape={spec!r}, name={name!r})")
    lines.append(body.strip("\n"))
    names = list(inputs)
    ins = names[0] if len(names) == 1 else "[" + ", ".join(names) + "]"
    lines.append(f"model = keras.Model({ins}, {outputs})")
    return "\n".join(lines) + "\n"


def with_global(setter, value, reset, code):
    """``code`` under a global setting, restored afterwards whatever happens."""
    body = "".join(f"    {line}\n" for line in code.strip("\n").split("\n"))
    return f"{setter}({value!r})\ntry:\n{body}finally:\n    {setter}({reset!r})\n"


IMG = (16, 16, 3)

#: A first line that only Keras 3 runs (tf-keras has no ``keras.config``): for cases tf-keras
#: builds but make_golden's tf-keras recorder cannot record (an unadapted lookup's weights are
#: tf-keras VocabWeightHandlers, which have no name).
KERAS3_ONLY = "keras.config.floatx()  # Keras 3 only (see KERAS3_ONLY)\n"

# ---------------------------------------------------------------------------
# Normalization
# ---------------------------------------------------------------------------
_add("normalization/features", seq("layers.Normalization()", "layers.Dense(2)", inp=(4,)))
_add("normalization/axis_tuple", seq("layers.Normalization(axis=(1, 2))", "layers.Flatten()",
                                     "layers.Dense(1)", inp=(3, 4, 5)))
_add("normalization/axis_neg_tuple", seq("layers.Normalization(axis=(-1, 1))", inp=(3, 4, 5)))
_add("normalization/axis_none_scalar", seq("layers.Normalization(axis=None)", inp=(3, 4)))
_add("normalization/images_channels", seq("layers.Normalization()", "layers.Conv2D(4, 3)",
                                          inp=IMG))
_add("normalization/mean_variance_given",
     seq("layers.Normalization(mean=[1.0, 2.0, 3.0, 4.0], variance=[1.0, 1.0, 2.0, 2.0])",
         "layers.Dense(2)", inp=(4,)))
_add("normalization/scalar_mean_variance",
     seq("layers.Normalization(mean=0.5, variance=4.0)", inp=(3, 2)))
_add("normalization/invert", seq("layers.Dense(3)", "layers.Normalization(invert=True)",
                                 inp=(5,)))
_add("normalization/float64", seq("layers.Normalization(dtype='float64')", inp=(4,)), "dtype")
_add("normalization/mixed_float16", seq("layers.Normalization(dtype='mixed_float16')",
                                        "layers.Dense(2, dtype='mixed_float16')", inp=(4,)),
     "dtype")
_add("normalization/int_input", seq("layers.Normalization()", inp=(6,), dtype="int32"))
_add("normalization/built_by_model_build", """
model = keras.Sequential([layers.Normalization(), layers.Dense(3)])
model.build((None, 7))
""")
_add("normalization/frozen", seq("layers.Normalization(trainable=False)", "layers.Dense(2)",
                                 inp=(4,)))
_add("normalization/functional_two_inputs", fn(
    {"num": (3,), "img": (8, 8, 3)}, """
a = layers.Normalization(name='norm_num')(num)
b = layers.Normalization(axis=-1, name='norm_img')(img)
b = layers.GlobalAveragePooling2D()(b)
x = layers.Concatenate()([a, b])
y = layers.Dense(1)(x)
""", "y"))
_add("normalization/error_unknown_axis", seq("layers.Normalization()", inp=(None,)), "error")
_add("normalization/error_batch_axis", seq("layers.Normalization(axis=0)", inp=(3,)), "error")
_add("normalization/error_mean_without_variance",
     seq("layers.Normalization(mean=1.0)", inp=(3,)), "error")
_add("normalization/error_mean_shape", seq(
    "layers.Normalization(mean=[1.0, 2.0, 3.0], variance=[1.0, 1.0, 1.0])", inp=(4,)), "error")

# ---------------------------------------------------------------------------
# Image preprocessing and augmentation
# ---------------------------------------------------------------------------
_add("image/augmentation_then_cnn", seq(
    "layers.RandomFlip('horizontal')", "layers.RandomRotation(0.1)", "layers.RandomZoom(0.1)",
    "layers.Rescaling(1.0 / 255)", "layers.Conv2D(8, 3, activation='relu')",
    "layers.GlobalAveragePooling2D()", "layers.Dense(10)", inp=IMG))
_add("image/resize_crop_rescale", seq(
    "layers.Resizing(24, 20)", "layers.CenterCrop(16, 12)", "layers.Rescaling(1.0 / 127.5, "
    "offset=-1)", "layers.Conv2D(4, 3)", "layers.Flatten()", "layers.Dense(2)",
    inp=(32, 30, 3), dtype="uint8"))
_add("image/resizing_args", seq(
    "layers.Resizing(10, 12, interpolation='nearest', crop_to_aspect_ratio=True)",
    "layers.Resizing(8, 8, pad_to_aspect_ratio=True, fill_value=1.0)", inp=(20, 30, 3)))
_add("image/resizing_unknown_size", seq("layers.Resizing(64, 64)", "layers.Conv2D(2, 3)",
                                        inp=(None, None, 3)))
_add("image/resizing_channels_first", seq(
    "layers.Resizing(6, 7, data_format='channels_first')", inp=(3, 12, 14)))
_add("image/resizing_rank3_unbatched_quirk", seq("layers.Resizing(4, 5)", inp=(8, 10)))
_add("image/center_crop_pads_larger", seq("layers.CenterCrop(20, 8)", inp=IMG))
_add("image/center_crop_channels_first", seq(
    "layers.CenterCrop(4, 6, data_format='channels_first')", inp=(3, 10, 10)))
_add("image/random_crop", seq("layers.RandomCrop(10, 12, seed=1)", "layers.Conv2D(3, 3)",
                              inp=IMG))
_add("image/random_crop_channels_first", seq(
    "layers.RandomCrop(5, 6, data_format='channels_first')", inp=(3, 10, 10)))
_add("image/random_crop_rank3", seq("layers.RandomCrop(4, 5)", inp=(8, 10)))
_add("image/random_translation_fill", seq(
    "layers.RandomTranslation(0.2, (-0.1, 0.3), fill_mode='constant', fill_value=0.5, "
    "interpolation='nearest')", inp=IMG))
_add("image/random_zoom_both", seq(
    "layers.RandomZoom((-0.2, 0.3), width_factor=0.1, fill_mode='wrap')", inp=IMG))
_add("image/random_rotation_channels_first", seq(
    "layers.RandomRotation((-0.2, 0.3), fill_mode='nearest', data_format='channels_first')",
    inp=(3, 16, 16)))
_add("image/random_contrast_brightness", seq(
    "layers.RandomContrast(0.3)", "layers.RandomBrightness((-0.2, 0.2), value_range=(0, 1))",
    inp=IMG))
for _name, _args in [
        ("auto_contrast", "value_range=(0, 1)"), ("equalization", "bins=128"),
        ("contrast_limited_adaptive_histogram_equalization", "clip_limit=2.0"),
        ("cut_mix", "factor=0.5, seed=3"), ("mix_up", "alpha=0.4"),
        ("random_color_degeneration", "0.3"), ("random_elastic_transform", "factor=0.5"),
        ("random_erasing", "factor=0.5, scale=(0.1, 0.2)"), ("random_gaussian_blur",
                                                             "kernel_size=5, sigma=(0.1, 0.5)"),
        ("random_grayscale", "factor=0.3"), ("random_hue", "0.2"), ("random_invert", "0.5"),
        ("random_perspective", "factor=0.5, scale=0.8"), ("random_posterization", "4"),
        ("random_saturation", "(0.2, 0.8)"), ("random_sharpness", "0.4"),
        ("random_shear", "x_factor=0.2, y_factor=(0.1, 0.3)"),
        ("solarization", "addition_factor=0.2, threshold_factor=(0.3, 0.6)"),
        ("max_num_bounding_boxes", "max_number=5")]:
    _cls = "".join(p.capitalize() for p in _name.split("_"))
    _add(f"image/{_name}", seq(f"layers.{_cls}({_args})", "layers.Conv2D(2, 3)", inp=IMG))
_add("image/rand_augment_subnames", seq(
    "layers.RandAugment(value_range=(0, 1), num_ops=3, factor=0.3)",
    "layers.RandomRotation(0.1)", "layers.RandomContrast(0.2)", "layers.Conv2D(2, 3)",
    inp=IMG))
_add("image/aug_mix_subnames", seq(
    "layers.AugMix(value_range=(0, 1), num_chains=2)", "layers.Solarization()",
    "layers.RandomSharpness(0.1)", inp=IMG))
_add("image/aug_mix_some_ops", seq(
    "layers.AugMix(all_ops=False)", "layers.RandomBrightness(0.1)", inp=IMG))
_add("image/color_jitter_subnames", seq(
    "layers.RandomColorJitter(value_range=(0, 1), brightness_factor=0.2, hue_factor=0.1)",
    "layers.RandomBrightness(0.1, value_range=(0, 1))", "layers.RandomHue(0.1)", inp=IMG))
# (not Equalization after another layer: Keras's Equalization returns its input tensor itself
# when no cast happens, and the Functional graph Keras builds becomes cyclic: "is part of a cycle")
_add("image/uint8_images", seq("layers.RandomGrayscale()", "layers.RandomFlip()",
                               "layers.Rescaling(1.0 / 255)", inp=IMG, dtype="uint8"))
_add("image/float16_layers", seq("layers.RandomFlip(dtype='float16')",
                                 "layers.Resizing(8, 8, dtype='float16')",
                                 "layers.Conv2D(2, 3, dtype='float16')", inp=IMG), "dtype")
_add("image/functional_augment_branch", fn(
    {"image": IMG}, """
aug = layers.RandomFlip(name='flip')(image)
aug = layers.RandomRotation(0.1, name='rotate')(aug)
x = layers.Conv2D(4, 3, name='conv')(aug)
x = layers.GlobalMaxPooling2D(name='pool')(x)
y = layers.Dense(3, name='head')(x)
""", "y"))
_add("image/error_color_degeneration_channels",
     seq("layers.RandomColorDegeneration(0.2)", inp=(8, 8, 4)), "error")
_add("image/error_center_crop_rank", seq("layers.CenterCrop(4, 4)", inp=(8,)), "error")
_add("image/error_random_crop_rank", seq("layers.RandomCrop(4, 4)", inp=(8,)), "error")
_add("image/error_rotation_factor", seq("layers.RandomRotation(2.0)", inp=IMG), "error")
_add("image/error_zoom_fill_mode", seq("layers.RandomZoom(0.1, fill_mode='mirror')", inp=IMG),
     "error")
_add("image/error_posterization_factor", seq("layers.RandomPosterization(9)", inp=IMG), "error")
_add("image/error_resizing_float_size", seq("layers.Resizing(4.5, 4)", inp=IMG), "error")
_add("image/error_brightness_value_range",
     seq("layers.RandomBrightness(0.1, value_range=(0,))", inp=IMG), "error")

# ---------------------------------------------------------------------------
# Categorical encodings, hashing, lookups
# ---------------------------------------------------------------------------
_add("category/one_hot_dense", seq("layers.CategoryEncoding(num_tokens=10, output_mode='one_hot')",
                                   "layers.Dense(4)", inp=(1,), dtype="int32"))
_add("category/multi_hot_dense", seq("layers.CategoryEncoding(num_tokens=12)", "layers.Dense(4)",
                                     inp=(5,), dtype="int32"))
_add("category/count_rank3", seq("layers.CategoryEncoding(num_tokens=6, output_mode='count')",
                                 inp=(2, 5), dtype="int32"))
_add("category/one_hot_sequence", seq(
    "layers.CategoryEncoding(num_tokens=7, output_mode='one_hot')", "layers.Flatten()",
    "layers.Dense(2)", inp=(5,), dtype="int32"))
_add("category/error_no_num_tokens", seq("layers.CategoryEncoding()", inp=(3,), dtype="int32"),
     "error")
_add("discretization/int", seq("layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0])",
                               "layers.Embedding(4, 3)", inp=(5,)))
_add("discretization/one_hot_dense", seq(
    "layers.Discretization(bin_boundaries=[-1.0, 0.0, 1.0], output_mode='one_hot')",
    "layers.Flatten()", "layers.Dense(2)", inp=(3,)))
_add("discretization/multi_hot_drops_axis_1", seq(
    "layers.Discretization(bin_boundaries=[0.5], output_mode='multi_hot')", inp=(3, 4)))
_add("discretization/count", seq(
    "layers.Discretization(bin_boundaries=[0.0, 10.0], output_mode='count')",
    "layers.Dense(2)", inp=(6,)))
_add("discretization/num_bins_unadapted", seq(
    "layers.Discretization(num_bins=5, output_mode='one_hot', epsilon=0.05)", inp=(2,)))
_add("discretization/error_both", seq(
    "layers.Discretization(bin_boundaries=[0.0], num_bins=3)", inp=(2,)), "error")
_add("hashing/int_embedding", seq("layers.Hashing(num_bins=32)", "layers.Embedding(32, 4)",
                                  inp=(3,), dtype="string"))
_add("hashing/one_hot", seq("layers.Hashing(num_bins=8, output_mode='one_hot')",
                            "layers.Dense(2)", inp=(1,), dtype="string"))
_add("hashing/multi_hot_salt_mask", seq(
    "layers.Hashing(num_bins=10, mask_value='', salt=1337, output_mode='multi_hot')",
    "layers.Dense(3)", inp=(4,), dtype="string"))
_add("hashing/count_int_inputs", seq("layers.Hashing(num_bins=6, output_mode='count')",
                                     inp=(5,), dtype="int64"))
_add("hashing/int32_dtype", seq("layers.Hashing(num_bins=6, dtype='int32')", inp=(2,),
                                dtype="int32"))
_add("hashing/error_float_dtype_int_mode", seq("layers.Hashing(num_bins=6, dtype='float32')",
                                               inp=(2,), dtype="string"), "error")
_add("hashed_crossing/int", fn(
    {"a": ((1,), "string"), "b": ((1,), "int64")}, """
x = layers.HashedCrossing(num_bins=16, name='cross')([a, b])
y = layers.Embedding(16, 4, name='emb')(x)
""", "y"))
_add("hashed_crossing/one_hot", fn(
    {"a": ((1,), "int64"), "b": ((1,), "int64")}, """
x = layers.HashedCrossing(num_bins=5, output_mode='one_hot', name='cross')([a, b])
y = layers.Dense(2, name='dense')(x)
""", "y"))
V = ["a", "b", "c", "d", "e"]
_add("string_lookup/int_embedding", seq(f"layers.StringLookup(vocabulary={V!r})",
                                        "layers.Embedding(6, 4)", inp=(3,), dtype="string"))
_add("string_lookup/one_hot", seq(f"layers.StringLookup(vocabulary={V!r}, output_mode='one_hot')",
                                  "layers.Dense(2)", inp=(1,), dtype="string"))
_add("string_lookup/multi_hot_oov_mask", seq(
    f"layers.StringLookup(vocabulary={V!r}, num_oov_indices=2, mask_token='', "
    "output_mode='multi_hot')", "layers.Dense(2)", inp=(4,), dtype="string"))
_add("string_lookup/int_mask_token", seq(
    f"layers.StringLookup(vocabulary={V!r}, mask_token='[MASK]')",
    "layers.Embedding(7, 2, mask_zero=True)", inp=(4,), dtype="string"))
_add("string_lookup/special_tokens_in_vocab", seq(
    "layers.StringLookup(vocabulary=['[UNK]', 'x', 'y'], output_mode='count')",
    "layers.Dense(1)", inp=(3,), dtype="string"))
_add("string_lookup/tf_idf", seq(
    f"layers.StringLookup(vocabulary={V!r}, output_mode='tf_idf', "
    "idf_weights=[0.5, 1.0, 1.5, 2.0, 2.5])", "layers.Dense(2)", inp=(4,), dtype="string"))
_add("string_lookup/pad_to_max_tokens", seq(
    f"layers.StringLookup(vocabulary={V!r}, max_tokens=20, pad_to_max_tokens=True, "
    "output_mode='count')", "layers.Dense(2)", inp=(4,), dtype="string"))
_add("string_lookup/unadapted_int", KERAS3_ONLY + seq("layers.StringLookup()", inp=(3,), dtype="string"))
_add("string_lookup/unadapted_multi_hot", seq("layers.StringLookup(output_mode='multi_hot')",
                                              inp=(3,), dtype="string"))
_add("string_lookup/invert", seq(f"layers.StringLookup(vocabulary={V!r}, invert=True)",
                                 inp=(3,), dtype="int64"))
_add("string_lookup/error_unadapted_multi_hot_dense", seq(
    "layers.StringLookup(output_mode='multi_hot')", "layers.Dense(2)", inp=(3,),
    dtype="string"), "error")
_add("string_lookup/error_repeated_token", seq("layers.StringLookup(vocabulary=['a', 'a'])",
                                               inp=(3,), dtype="string"), "error")
_add("string_lookup/error_tf_idf_without_weights", seq(
    f"layers.StringLookup(vocabulary={V!r}, output_mode='tf_idf')", inp=(3,), dtype="string"),
     "error")
_add("string_lookup/error_vocab_over_max_tokens", seq(
    f"layers.StringLookup(vocabulary={V!r}, max_tokens=4)", inp=(3,), dtype="string"), "error")
IV = [10, 20, 30, 40]
_add("integer_lookup/int_embedding", seq(f"layers.IntegerLookup(vocabulary={IV!r})",
                                         "layers.Embedding(5, 3)", inp=(2,), dtype="int64"))
_add("integer_lookup/one_hot_mask", seq(
    f"layers.IntegerLookup(vocabulary={IV!r}, mask_token=0, output_mode='one_hot')",
    "layers.Flatten()", "layers.Dense(2)", inp=(2,), dtype="int64"))
_add("integer_lookup/multi_hot_oov", seq(
    f"layers.IntegerLookup(vocabulary={IV!r}, num_oov_indices=3, output_mode='multi_hot')",
    "layers.Dense(1)", inp=(6,), dtype="int64"))
_add("integer_lookup/tf_idf", seq(
    f"layers.IntegerLookup(vocabulary={IV!r}, output_mode='tf_idf', "
    "idf_weights=[1.0, 2.0, 3.0, 4.0])", inp=(6,), dtype="int64"))
_add("integer_lookup/unadapted_count_padded", KERAS3_ONLY + seq(
    "layers.IntegerLookup(max_tokens=50, pad_to_max_tokens=True, output_mode='count')",
    "layers.Dense(2)", inp=(6,), dtype="int64"))
_add("integer_lookup/error_vocabulary_dtype", seq(
    f"layers.IntegerLookup(vocabulary={IV!r}, vocabulary_dtype='int32')", inp=(2,),
    dtype="int64"), "error")
_add("lookup/functional_features", fn(
    {"color": ((1,), "string"), "size": ((1,), "int64"), "price": (1,)}, f"""
c = layers.StringLookup(vocabulary={['red', 'green', 'blue']!r}, output_mode='one_hot', name='color_lookup')(color)
s = layers.IntegerLookup(vocabulary={[1, 2, 3, 4]!r}, output_mode='one_hot', name='size_lookup')(size)
p = layers.Normalization(mean=10.0, variance=4.0, name='price_norm')(price)
x = layers.Concatenate(name='features')([c, s, p])
y = layers.Dense(1, name='out')(x)
""", "y"))

_add("category/count_weights_functional", fn(
    {"ids": ((3,), "int32"), "weights": (3,)}, """
y = layers.CategoryEncoding(num_tokens=5, output_mode='count', name='encode')(ids, count_weights=weights)
y = layers.Dense(2, name='dense')(y)
""", "y"))
_add("discretization/hashing_functional", fn(
    {"x": (5,)}, """
a = layers.Discretization(bin_boundaries=[0.0], output_mode='one_hot', name='buckets')(x)
b = layers.Discretization(bin_boundaries=[-1.0, 1.0], name='ids')(x)
c = layers.Hashing(3, output_mode='one_hot', name='hash')(b)
""", "[a, c]"))
_add("hashed_crossing/error_three_inputs", fn(
    {"a": ((1,), "int64"), "b": ((1,), "int64"), "c": ((1,), "int64")}, """
y = layers.HashedCrossing(num_bins=4, name='cross')([a, b, c])
""", "y"), "error")
_add("hashed_crossing/error_shapes_differ", fn(
    {"a": ((1,), "int64"), "b": ((2,), "int64")}, """
y = layers.HashedCrossing(num_bins=4, name='cross')([a, b])
""", "y"), "error")

# ---------------------------------------------------------------------------
# TextVectorization
# ---------------------------------------------------------------------------
TV = ["the", "cat", "sat", "on", "mat"]
_add("text/int_sequence_classifier", seq(
    f"layers.TextVectorization(vocabulary={TV!r}, output_sequence_length=8)",
    "layers.Embedding(7, 4)", "layers.GlobalAveragePooling1D()", "layers.Dense(1)",
    inp=(1,), dtype="string"))
_add("text/int_unadapted", KERAS3_ONLY + seq("layers.TextVectorization(max_tokens=100)", inp=(1,),
                               dtype="string"))
_add("text/multi_hot_dense", seq(
    f"layers.TextVectorization(vocabulary={TV!r}, output_mode='multi_hot')", inp=(1,),
    dtype="string"))
_add("text/multi_hot_scalar_input", seq(
    f"layers.TextVectorization(vocabulary={TV!r}, output_mode='multi_hot')", "layers.Dense(2)",
    inp=(), dtype="string"))
_add("text/count_no_split", seq(
    f"layers.TextVectorization(vocabulary={TV!r}, output_mode='count', split=None)",
    "layers.Dense(2)", inp=(1,), dtype="string"))
_add("text/tf_idf_padded", KERAS3_ONLY + seq(
    "layers.TextVectorization(max_tokens=30, output_mode='tf_idf', pad_to_max_tokens=True)",
    inp=(1,), dtype="string"))
_add("text/tf_idf_vocab", seq(
    f"layers.TextVectorization(vocabulary={TV!r}, output_mode='tf_idf', "
    "idf_weights=[1.0, 1.5, 2.0, 2.5, 3.0])", inp=(1,), dtype="string"))
_add("text/one_hot_no_split", seq(
    f"layers.TextVectorization(vocabulary={TV!r}, output_mode='one_hot', split=None)",
    "layers.Dense(2)", inp=(1,), dtype="string"))
_add("text/ngrams_character", KERAS3_ONLY + seq(
    "layers.TextVectorization(max_tokens=50, ngrams=2, split='character', "
    "standardize='lower', output_sequence_length=12)", inp=(1,), dtype="string"))
_add("text/lookup_name_taken", seq(
    f"layers.TextVectorization(vocabulary={TV!r})",
    f"layers.StringLookup(vocabulary={TV!r}, invert=True)", inp=(1,), dtype="string"))
_add("text/error_sequence_length_multi_hot", seq(
    "layers.TextVectorization(output_mode='multi_hot', output_sequence_length=4)", inp=(1,),
    dtype="string"), "error")
_add("text/error_ngrams_list", seq("layers.TextVectorization(ngrams=[1, 2])", inp=(1,),
                                   dtype="string"), "error")

_add("text/functional_two_outputs", fn(
    {"text": ((1,), "string")}, f"""
ids = layers.TextVectorization(vocabulary={TV!r}, output_sequence_length=6, name='vectorize')(text)
emb = layers.Embedding(7, 3, name='emb')(ids)
words = layers.StringLookup(vocabulary={TV!r}, output_mode='multi_hot', name='words')(text)
""", "[emb, words]"))

# ---------------------------------------------------------------------------
# Audio
# ---------------------------------------------------------------------------
_add("audio/stft_log", seq("layers.STFTSpectrogram()", "layers.Conv1D(4, 3)", inp=(1000, 1)))
_add("audio/stft_stft_mode_stereo", seq(
    "layers.STFTSpectrogram(mode='stft', frame_length=128, frame_step=32, fft_length=256)",
    inp=(800, 2)))
_add("audio/stft_real_imag", seq("layers.STFTSpectrogram(mode='real', frame_length=64)",
                                 "layers.STFTSpectrogram(mode='imag', frame_length=32, "
                                 "padding='same')", inp=(512, 1)))
_add("audio/stft_expand_dims_conv2d", seq(
    "layers.STFTSpectrogram(mode='magnitude', frame_length=100, frame_step=25, "
    "expand_dims=True, window='hamming')", "layers.Conv2D(4, 3)", inp=(1000, 1)))
_add("audio/stft_channels_first", seq(
    "layers.STFTSpectrogram(frame_length=64, data_format='channels_first')", inp=(2, 640)))
_add("audio/stft_frozen", seq("layers.STFTSpectrogram(frame_length=64, trainable=False)",
                              "layers.Dense(2)", inp=(256, 1)))
_add("audio/stft_float16", seq("layers.STFTSpectrogram(frame_length=64, dtype='float16')",
                               inp=(256, 1)), "dtype")
_add("audio/stft_unknown_length", seq("layers.STFTSpectrogram(frame_length=64)",
                                      "layers.GlobalAveragePooling1D()", inp=(None, 1)))
_add("audio/error_stft_too_short", seq("layers.STFTSpectrogram()", inp=(100, 1)), "error")
_add("audio/error_stft_rank", seq("layers.STFTSpectrogram()", inp=(1000,)), "error")
_add("audio/mel", seq("layers.MelSpectrogram()", inp=(16000,)))
_add("audio/mel_then_cnn", seq(
    "layers.MelSpectrogram(num_mel_bins=64, sequence_stride=256, fft_length=1024)",
    "layers.Reshape((64, 63, 1))", "layers.Conv2D(4, 3)", "layers.GlobalAveragePooling2D()",
    "layers.Dense(2)", inp=(16000,)))

_add("audio/functional_stft_and_mel", fn(
    {"wave": (1000, 1)}, """
spec = layers.STFTSpectrogram(frame_length=64, name='stft')(wave)
flat = layers.Flatten(name='flat')(wave)
mel = layers.MelSpectrogram(num_mel_bins=32, name='mel')(flat)
""", "[spec, mel]"))

# ---------------------------------------------------------------------------
# Pipeline
# ---------------------------------------------------------------------------
_add("pipeline/augmentations", seq(
    "layers.Pipeline([layers.RandomFlip(), layers.RandomRotation(0.1)])", "layers.Conv2D(2, 3)",
    inp=IMG))
_add("pipeline/with_weights", seq(
    "layers.Pipeline([layers.Normalization(), layers.Dense(3)], name='prep')",
    "layers.Dense(1)", inp=(4,)))

# ---------------------------------------------------------------------------
# SpectralNormalization
# ---------------------------------------------------------------------------
_add("spectral/dense", seq("layers.SpectralNormalization(layers.Dense(8))", "layers.Dense(1)",
                           inp=(4,)))
_add("spectral/conv_discriminator", seq(
    "layers.SpectralNormalization(layers.Conv2D(8, 3, strides=2))", "layers.LeakyReLU()",
    "layers.SpectralNormalization(layers.Conv2D(16, 3, strides=2), power_iterations=2)",
    "layers.Flatten()", "layers.SpectralNormalization(layers.Dense(1))", inp=(28, 28, 1)))
_add("spectral/embedding", seq("layers.SpectralNormalization(layers.Embedding(50, 6))",
                               inp=(5,), dtype="int32"))
_add("spectral/no_bias_frozen", seq(
    "layers.SpectralNormalization(layers.Dense(5, use_bias=False), trainable=False)",
    "layers.Dense(2)", inp=(3,)))
_add("spectral/conv1d_transpose", seq(
    "layers.SpectralNormalization(layers.Conv1DTranspose(4, 3, strides=2))", inp=(10, 2)))
_add("spectral/depthwise", seq("layers.SpectralNormalization(layers.DepthwiseConv2D(3))",
                               inp=(8, 8, 4)))
_add("spectral/inner_float16", seq(
    "layers.SpectralNormalization(layers.Dense(4, dtype='float16'))", inp=(3,)), "dtype")
_add("spectral/inner_lora", seq(
    "layers.SpectralNormalization(layers.Dense(4, lora_rank=2))", inp=(3,)))
_add("spectral/functional", fn(
    {"x": (10,)}, """
h = layers.SpectralNormalization(layers.Dense(16), name='sn1')(x)
h = layers.SpectralNormalization(layers.Dense(16, name='inner'), name='sn2')(h)
y = layers.Dense(1, name='out')(h)
""", "y"))
_add("spectral/error_no_kernel", seq(
    "layers.SpectralNormalization(layers.LayerNormalization())", inp=(3,)), "error")
_add("spectral/error_power_iterations", seq(
    "layers.SpectralNormalization(layers.Dense(2), power_iterations=0)", inp=(3,)), "error")

# ---------------------------------------------------------------------------
# LoRA
# ---------------------------------------------------------------------------
_add("lora/dense", seq("layers.Dense(16, lora_rank=4)", "layers.Dense(3, lora_rank=2, "
                                                        "lora_alpha=8.0)", inp=(32,)))
_add("lora/dense_no_bias", seq("layers.Dense(8, use_bias=False, lora_rank=1)", inp=(5,)))
_add("lora/embedding", seq("layers.Embedding(1000, 16, lora_rank=8)",
                           "layers.GlobalAveragePooling1D()", "layers.Dense(2)", inp=(10,),
                           dtype="int32"))
_add("lora/embedding_alpha_mask", seq(
    "layers.Embedding(100, 8, lora_rank=4, lora_alpha=16.0, mask_zero=True)",
    "layers.Flatten()", inp=(4,), dtype="int32"))
_add("lora/enable_lora_after_build", """
base = layers.Dense(6, name='base')
model = keras.Sequential([keras.Input((10,)), base, layers.Dense(2, name='head')])
base.enable_lora(3)
""")
_add("lora/enable_lora_embedding", """
emb = layers.Embedding(20, 4, name='emb')
model = keras.Sequential([keras.Input((3,), dtype='int32'), emb])
emb.enable_lora(2, lora_alpha=4.0)
""")
_add("lora/frozen_model_with_lora", """
model = keras.Sequential([keras.Input((8,)), layers.Dense(4, lora_rank=2), layers.Dense(2)])
model.layers[1].trainable = False
""")
_add("lora/mixed_float16", seq("layers.Dense(8, lora_rank=2, dtype='mixed_float16')",
                               inp=(4,)), "dtype")
_add("lora/float16", seq("layers.Dense(8, lora_rank=2, dtype='float16')", inp=(4,)), "dtype")
_add("lora/functional", fn(
    {"tokens": ((6,), "int32")}, """
e = layers.Embedding(50, 8, lora_rank=2, name='emb')(tokens)
h = layers.Dense(8, lora_rank=2, name='proj')(e)
y = layers.Dense(1, name='out')(layers.Flatten(name='flat')(h))
""", "y"))
_add("lora/error_enable_twice", """
d = layers.Dense(3, lora_rank=2)
model = keras.Sequential([keras.Input((4,)), d])
d.enable_lora(2)
""", "error")
_add("lora/error_enable_unbuilt", """
d = layers.Dense(3)
d.enable_lora(2)
model = keras.Sequential([keras.Input((4,)), d])
""", "error")
_add("lora/error_kernel_constraint", """
d = layers.Dense(3, kernel_constraint='max_norm')
model = keras.Sequential([keras.Input((4,)), d])
d.enable_lora(2)
""", "error")

# ---------------------------------------------------------------------------
# dtype policies: per layer and global (bytes come from each variable's dtype)
# ---------------------------------------------------------------------------
_STACK = ("layers.Dense(8)", "layers.BatchNormalization()", "layers.LayerNormalization()",
          "layers.Dense(2, dtype='float32')")
for _policy in ("mixed_float16", "mixed_bfloat16", "float16", "bfloat16", "float64"):
    _add(f"dtype/layer_{_policy}", seq(
        f"layers.Dense(8, dtype={_policy!r})", f"layers.BatchNormalization(dtype={_policy!r})",
        f"layers.LayerNormalization(dtype={_policy!r})", "layers.Dense(2)", inp=(4,)), "dtype")
    _add(f"dtype/global_set_dtype_policy_{_policy}", with_global(
        "keras.config.set_dtype_policy", _policy, "float32", seq(*_STACK, inp=(4,))), "dtype")
_add("dtype/global_mixed_precision_policy", with_global(
    "keras.mixed_precision.set_global_policy", "mixed_float16", "float32",
    seq("layers.Conv2D(4, 3)", "layers.BatchNormalization()", "layers.GlobalAveragePooling2D()",
        "layers.Dense(2)", "layers.Activation('softmax', dtype='float32')", inp=(8, 8, 3))),
     "dtype")
_add("dtype/global_policy_embedding_lookups", with_global(
    "keras.mixed_precision.set_global_policy", "mixed_bfloat16", "float32",
    seq("layers.Embedding(30, 4)", "layers.Dense(4)", "layers.Normalization()", inp=(5,),
        dtype="int32")), "dtype")
_add("dtype/global_float16_with_float32_override", with_global(
    "keras.config.set_dtype_policy", "float16", "float32",
    seq("layers.Dense(4)", "layers.Dense(4, dtype='float32')", "layers.Dense(4, "
        "dtype='mixed_bfloat16')", inp=(3,))), "dtype")
_add("dtype/floatx_float16", with_global(
    "keras.backend.set_floatx", "float16", "float32", seq("layers.Dense(4)",
                                                          "layers.BatchNormalization()",
                                                          inp=(3,))), "dtype")
_add("dtype/floatx_float64_functional", with_global(
    "keras.backend.set_floatx", "float64", "float32", fn({"x": (3,)}, """
h = layers.Dense(4, name='h')(x)
y = layers.Dense(1, name='y')(h)
""", "y")), "dtype")
_add("dtype/mixed_functional_conv", fn(
    {"img": (8, 8, 3)}, """
x = layers.Conv2D(4, 3, dtype='mixed_float16', name='conv')(img)
x = layers.BatchNormalization(dtype='mixed_float16', name='bn')(x)
x = layers.GlobalAveragePooling2D(name='gap')(x)
y = layers.Dense(2, dtype='float64', name='head')(x)
""", "y"), "dtype")
_add("dtype/lora_under_global_bfloat16", with_global(
    "keras.config.set_dtype_policy", "bfloat16", "float32",
    seq("layers.Dense(6, lora_rank=2)", "layers.Dense(2)", inp=(4,))), "dtype")
