"""A fact about a layer lives on the layer class, once (as Keras keeps ``supports_masking`` on
the layer): no name tables elsewhere, no constant fact set again in ``__init__``, no subclass
repeating what its base declares. (That every layer class has golden cases from real Keras is
``test_registry.test_every_layer_class_has_golden_cases``.)"""

import ast
import os

import pytest

from paramscope import layers
from paramscope.layers.base import Layer

#: The per-layer facts the summary reads (class attributes or methods of the layer).
FACTS = ("supports_masking", "call_mask_args", "_convert_input_args", "call_args",
         "call_options", "owns_seed_generator")

LAYERS_DIR = os.path.dirname(layers.__file__)
#: Every module of the layers, in the family packages too (``rnn/cells.py``).
MODULES = sorted(os.path.relpath(os.path.join(folder, f), LAYERS_DIR)
                 for folder, _, files in os.walk(LAYERS_DIR) for f in files if f.endswith(".py"))


def _tree(module):
    with open(os.path.join(LAYERS_DIR, module), encoding="utf-8") as f:
        return ast.parse(f.read())


@pytest.mark.parametrize("module", MODULES)
def test_no_constant_fact_is_set_in_a_constructor(module):
    """``self.supports_masking = True`` in ``__init__`` is a class fact: declare it on the class
    (a value computed from the arguments, Embedding's ``mask_zero``, stays per instance)."""
    found = []
    for cls in ast.walk(_tree(module)):
        if not isinstance(cls, ast.ClassDef):
            continue
        for fn in cls.body:
            if not (isinstance(fn, ast.FunctionDef) and fn.name == "__init__"):
                continue
            for node in ast.walk(fn):
                if (isinstance(node, ast.Assign) and isinstance(node.value, (ast.Constant, ast.Tuple))
                        and any(isinstance(t, ast.Attribute) and t.attr in FACTS
                                and isinstance(t.value, ast.Name) and t.value.id == "self"
                                for t in node.targets)):
                    found.append(f"{module}:{node.lineno} {cls.name}")
    assert not found, f"constant facts set in __init__ (make them class attributes): {found}"


def test_no_subclass_repeats_a_fact_of_its_base():
    repeated = []
    for cls in set(layers.registry().values()):
        for klass in cls.__mro__:
            if klass is Layer or not issubclass(klass, Layer):
                continue
            for fact in FACTS:
                if fact not in klass.__dict__:
                    continue
                base = next((b for b in klass.__mro__[1:] if fact in b.__dict__), None)
                if base is not None and base is not Layer and base.__dict__[fact] == klass.__dict__[fact]:
                    repeated.append(f"{klass.__name__}.{fact} (already {base.__name__}'s)")
    assert not repeated, sorted(set(repeated))


def _string_elements(node):
    if isinstance(node, ast.Call) and node.args:  # frozenset({...})
        node = node.args[0]
    if isinstance(node, ast.Dict):
        return [k.value for k in node.keys if isinstance(k, ast.Constant)]
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)]
    return []


@pytest.mark.parametrize("module", MODULES)
def test_no_table_of_layer_names_holds_facts(module):
    """A module-level table keyed by layer class names is a fact kept away from its layers
    (the name index, ``_index.py``, only says where each class is defined)."""
    if module == "_index.py":
        return
    names = set(layers.layer_names())
    tables = []
    for node in _tree(module).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if ast.unparse(target) == "__all__":  # the module's exports, not facts
                continue
            hits = [s for s in _string_elements(node.value) if s in names]
            if len(hits) >= 3:
                tables.append(f"{module}:{node.lineno} {ast.unparse(target)} ({hits[:3]}...)")
    assert not tables, f"name tables of layer facts: {tables}"


def test_masking_facts_match_keras():
    """The facts moved from the tables, read from the classes (Keras 3.15's values)."""
    from paramscope import keras
    L = keras.layers
    assert L.Dense(2).supports_masking and L.Dropout(0.1).supports_masking
    assert L.SpatialDropout1D(0.1).supports_masking and L.Add().supports_masking
    assert not L.Conv2D(2, 3).supports_masking and not L.Flatten().supports_masking
    assert L.MultiHeadAttention(2, 4).call_mask_args == ("query_mask", "value_mask", "key_mask")
    assert L.Softmax()._mask_arg_names() == ("mask",)
    assert L.StringLookup()._convert_input_args is False
    assert L.Embedding(10, 4, mask_zero=True).supports_masking
    assert not L.Embedding(10, 4).supports_masking
