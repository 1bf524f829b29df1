"""The optimizer of a model file saved compiled: what load_model(compile=True) compiles it
with, as real Keras 3.15 printed it (tests/golden/files/keras3/*.expected.json.gz, from
tools/make_files.py: "Optimizer params: N" once its optimizer is built on the weights)."""

import gzip
import json
import os
import re

import pytest

import paramscope
from paramscope.formats import load

FILES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "golden", "files", "keras3")


def keras_optimizer_params(stem):
    """What Keras printed for the .keras file: its optimizer, built, has this many params."""
    with gzip.open(os.path.join(FILES, stem + ".keras.expected.json.gz"), "rt") as f:
        text = json.load(f)["loaded"]["summaries"]["c200"]
    count, size = re.search(r"Optimizer params: ([\d,]+) \(([^)]*)\)", text).groups()
    return int(count.replace(",", "")), size


@pytest.mark.parametrize("name,stem,optimizer", [
    ("trained.keras", "trained", "Adam"),
    ("trained_sgd.keras", "trained_sgd", "SGD"),
    # The same model saved as legacy .h5: its training_config names the same SGD (Keras's
    # summary of the loaded .h5 shows its optimizer not yet built; built, it is the .keras's).
    ("trained_sgd.h5", "trained_sgd", "SGD"),
])
def test_the_files_compile_optimizer_is_the_profiles(name, stem, optimizer):
    pytest.importorskip("h5py") if name.endswith(".h5") else None
    result = paramscope.profile(load(os.path.join(FILES, name)), batch_size=4)
    memory = result.to_dict()["memory"]
    count, size = keras_optimizer_params(stem)
    assert memory["optimizer_class"] == optimizer
    assert memory["optimizer_source"] == "the file's compile config"
    assert memory["optimizer_params"] == count
    assert f"{memory['optimizer_bytes']:.2f}" == f"{float(size.split()[0]):.2f}"


def test_an_uncompiled_file_gets_the_default():
    memory = paramscope.profile(load(os.path.join(FILES, "cnn.keras"))).to_dict()["memory"]
    assert memory["optimizer_source"].startswith("default: adam")
