"""The classic Keras 2 import paths, for running classic example scripts in real Keras (corpus
generator only; never imported by paramscope or the tests).

The classic Keras examples import from the Keras 2 module layout (``keras.layers.recurrent``,
``keras.utils.data_utils``, ``from keras import backend as K``).  tools/corpus_worker.py runs
their model code in one of two real Kerases (``"golden"`` in tests/corpus/MANIFEST.json):

* ``keras3``: Keras 3.15.1.  Its own answer to Keras 2 code is its ``tf.keras`` view
  (``keras._tf_keras.keras``: what ``tensorflow.keras`` is with TensorFlow 2.16+), which keeps
  the Keras 2 names Keras 3 dropped from ``keras``: the ``K.*`` backend functions, the
  ``ImageDataGenerator``/``Tokenizer`` preprocessing, ``losses.mse``.  ``install_keras3``
  completes each ``keras.X`` module with the names its tf.keras view has and it lacks (nothing
  that Keras 3 already has is replaced), and makes the classic submodule paths resolve to
  their packages (``keras.layers.recurrent`` is ``keras.layers``).
* ``tf-keras``: tf-keras 2.21, which still runs Keras 2 code: ``install_tf_keras`` makes
  ``import keras`` and every ``keras.X`` path resolve to ``tf_keras`` (the classic submodule
  paths to their public packages), before anything imports Keras.

Only module paths are mapped: every layer, argument, shape and count is that Keras's own.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

LAYER_MODULES = ("core", "embeddings", "convolutional", "recurrent", "merge", "normalization",
                 "pooling", "wrappers", "advanced_activations", "convolutional_recurrent",
                 "noise", "local", "cudnn_recurrent")
#: Classic module path -> the public package that holds its names (relative to the root).
CLASSIC = {f"layers.{name}": "layers" for name in LAYER_MODULES}
CLASSIC.update({
    "utils.data_utils": "utils",
    "utils.np_utils": "utils",
    "utils.vis_utils": "utils",
    "utils.generic_utils": "utils",
    "engine.topology": "layers",
})
#: Public modules completed with the names of Keras 3's tf.keras view.
TF_KERAS_VIEW_MODULES = ("backend", "layers", "losses", "metrics", "preprocessing",
                         "preprocessing.image", "preprocessing.sequence", "utils")


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target):
        self.target = target

    def create_module(self, spec):
        return importlib.import_module(self.target)

    def exec_module(self, module):
        pass


class _AliasFinder(importlib.abc.MetaPathFinder):
    """``keras.<classic path>`` (and, with ``every_path``, any ``keras.X``) -> ``root.X``."""

    def __init__(self, root, every_path):
        self.root = root
        self.every_path = every_path

    def target(self, fullname):
        if fullname == "keras":
            return self.root if self.every_path else None
        prefix = next((p for p in ("keras.", self.root + ".") if fullname.startswith(p)), None)
        if prefix is None:
            return None
        rest = fullname[len(prefix):]
        if prefix != "keras.":  # `from keras.layers import recurrent` asks for tf_keras.layers.recurrent
            return f"{self.root}.{CLASSIC[rest]}" if rest in CLASSIC else None
        if rest in CLASSIC:
            return f"{self.root}.{CLASSIC[rest]}"
        if rest == "preprocessing.text" and self.root == "keras":
            return "keras._tf_keras.keras.preprocessing.text"
        if self.every_path:
            return f"{self.root}.{rest}"
        return None

    def find_spec(self, fullname, path=None, target=None):
        name = self.target(fullname)
        if name is None:
            return None
        if importlib.util.find_spec(name) is None:
            return None
        return importlib.util.spec_from_loader(fullname, _AliasLoader(name),
                                               is_package=True)


def install_keras3(keras):
    """Keras 3 with the classic paths: see the module docstring."""
    sys.meta_path.insert(0, _AliasFinder("keras", every_path=False))
    for name in TF_KERAS_VIEW_MODULES:
        module = importlib.import_module(f"keras.{name}")
        view = importlib.import_module(f"keras._tf_keras.keras.{name}")
        for attribute in dir(view):
            if not attribute.startswith("_") and not hasattr(module, attribute):
                setattr(module, attribute, getattr(view, attribute))
    keras.preprocessing.text = importlib.import_module("keras._tf_keras.keras.preprocessing.text")


def install_tf_keras():
    """``import keras`` is tf-keras: call before anything imports Keras."""
    if "keras" in sys.modules:
        raise RuntimeError("Keras was imported before the tf-keras paths were installed")
    sys.meta_path.insert(0, _AliasFinder("tf_keras", every_path=True))
    import keras  # noqa: F401 - now tf_keras
    return sys.modules["keras"]
