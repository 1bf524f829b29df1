#!/usr/bin/env python
"""Extract the ``run_layer_test`` cases of Keras's own layer tests, as plain data.

Developer tool (never imported by paramscope or by the tests).  It reads the
``keras/src/layers/**/*_test.py`` files of a Keras git tag with ``git show`` and
parses them with :mod:`ast`; no test code is imported or executed.  Each
``self.run_layer_test(...)`` call becomes one case: its arguments evaluated
statically (literals, the test's parameters from ``@parameterized`` decorators,
simple module-level constants and local assignments, ``if`` branches on the
backend, ``for`` loops over literals).  What cannot be evaluated this way is
left out with the reason.

    python tools/extract_layer_tests.py            # -> tools/cases/keras_layer_tests.py
    python tools/extract_layer_tests.py --check    # exit 1 if that file is not current

Values that are not plain Python data are encoded as dicts with one special key
(``tools/cases/keras_layer_tests.py`` explains them):

* ``{"__ref__": "keras.layers.Dense"}``: a Keras object by its public path
  (``keras.ops.square``); ``"local:Name"`` is a class or function the test file
  defines (its source is in ``DEFINITIONS``).
* ``{"__call__": path, "args": [...], "kwargs": {...}}``: a call, made once per case
  (a cell object shared by the several layers ``run_layer_test`` creates).
* ``{"__array__": {"shape", "dtype", "values", "low", "sparse", "kind"}}``: an array
  (``kind`` "numpy" or "tensor"); ``values`` when the test spells them out.
* ``{"__lambda__": source}``: a lambda expression.
* ``{"__unevaluated__": source}``: an argument only Keras's value checks use
  (``expected_output``, ``custom_objects``), kept as text.

The backend is JAX (the Keras 3 fixtures' backend): ``backend.backend()`` is
``"jax"``, no GPU/TPU, ``image_data_format()`` is ``"channels_last"``.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import os
import pprint
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REPO = "/work/.mirror/keras-team+keras/repo"
TAG = "v3.15.1"
OUT = os.path.join(HERE, "cases", "keras_layer_tests.py")

#: The keyword arguments of ``TestCase.run_layer_test`` (keras/src/testing/test_case.py).
RUN_LAYER_TEST_ARGS = (
    "layer_cls", "init_kwargs", "input_shape", "input_dtype", "input_sparse", "input_ragged",
    "input_data", "call_kwargs", "expected_output_shape", "expected_output_dtype",
    "expected_output_sparse", "expected_output_ragged", "expected_output",
    "expected_num_trainable_weights", "expected_num_non_trainable_weights",
    "expected_num_non_trainable_variables", "expected_num_seed_generators",
    "expected_num_losses", "supports_masking", "expected_mask_shape", "custom_objects",
    "run_training_check", "run_mixed_precision_check", "assert_built_after_instantiation",
    "tpu_atol", "tpu_rtol")
#: Arguments only the value checks use: kept as source text when they need values.
VALUE_ONLY_ARGS = {"expected_output", "custom_objects", "tpu_atol", "tpu_rtol"}

#: Keras public namespaces: ``keras.src.<ns>...<Name>`` is ``keras.<ns>.<Name>``.
PUBLIC_NAMESPACES = ("layers", "ops", "activations", "regularizers", "constraints",
                     "initializers", "quantizers", "losses", "metrics", "random")


class CannotEvaluate(Exception):
    """An expression that needs values or code this static evaluator does not have."""


class SkipTest(Exception):
    """``pytest.skip(...)`` / ``self.skipTest(...)`` / ``self.fail(...)`` reached."""


class Ref:
    """A reference to a module member by dotted path (``numpy.random.random``)."""

    def __init__(self, path):
        self.path = path

    def __repr__(self):
        return f"Ref({self.path})"


class Local:
    """A class or function the test file (or the test method) defines."""

    def __init__(self, name, source, kind):
        self.name, self.source, self.kind = name, source, kind


class Construct:
    """A call to a Keras object or a local class: made when the case is run."""

    def __init__(self, target, args, kwargs):
        self.target, self.args, self.kwargs = target, args, kwargs


class Array:
    """An array known by its shape and dtype (and its values when spelled out)."""

    def __init__(self, shape, dtype, values=None, low=None, sparse=False, kind="numpy"):
        self.shape = tuple(shape)
        self.dtype = dtype
        self.values = values
        self.low = low
        self.sparse = sparse
        self.kind = kind

    def replace(self, **changes):
        fields = dict(shape=self.shape, dtype=self.dtype, values=self.values, low=self.low,
                      sparse=self.sparse, kind=self.kind)
        fields.update(changes)
        return Array(**fields)


class Lambda:
    def __init__(self, source):
        self.source = source


# -- numpy / keras value model ------------------------------------------------------------

def _literal_shape_dtype(value):
    """Shape and NumPy's default dtype of a nested list literal."""
    if isinstance(value, Array):
        return value.shape, value.dtype
    if isinstance(value, (list, tuple)):
        if not value:
            return (0,), "float64"
        inner = [_literal_shape_dtype(v) for v in value]
        shapes = {s for s, _ in inner}
        if len(shapes) != 1:
            raise CannotEvaluate("ragged nested list")
        dtypes = {d for _, d in inner}
        return (len(value),) + inner[0][0], _promote(dtypes)
    if isinstance(value, bool):
        return (), "bool"
    if isinstance(value, int):
        return (), "int64"
    if isinstance(value, float):
        return (), "float64"
    if isinstance(value, str):
        return (), "string"
    raise CannotEvaluate(f"array of {type(value).__name__}")


def _promote(dtypes):
    for d in ("string", "float64", "float32", "int64", "int32", "bool"):
        if d in dtypes:
            return d
    return sorted(dtypes)[0]


def _plain(value):
    """The value as nested lists (for ``values``), or None when it is not plain."""
    if isinstance(value, (list, tuple)):
        out = [_plain(v) for v in value]
        return None if any(o is None for o in out) else out
    if isinstance(value, (bool, int, float, str)):
        return value
    return None


def _shape_arg(value):
    if isinstance(value, int):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, int) for v in value):
        return tuple(value)
    raise CannotEvaluate(f"shape {value!r}")


def _np_dtype(dtype, default):
    if dtype is None:
        return default
    if isinstance(dtype, Ref):
        dtype = dtype.path.rsplit(".", 1)[-1]
    if dtype in ("float", "float_"):
        return "float64"
    if dtype == "int":
        return "int64"
    if dtype in ("str", "string", "object"):
        return "string"
    return str(dtype)


def _array_from(value, dtype=None, kind="numpy"):
    if isinstance(value, Array):
        return value.replace(dtype=_np_dtype(dtype, value.dtype), kind=kind)
    shape, inferred = _literal_shape_dtype(value)
    if kind == "tensor" and dtype is None:  # JAX without x64: 32-bit defaults
        inferred = {"int64": "int32", "float64": "float32"}.get(inferred, inferred)
    return Array(shape, _np_dtype(dtype, inferred), values=_plain(value), kind=kind)


def _random(default_dtype, shape_from):
    def make(*args, **kwargs):
        shape = shape_from(args, kwargs)
        return Array(shape, _np_dtype(kwargs.get("dtype"), default_dtype))
    return make


def _size_kwarg(args, kwargs, positional_index):
    size = kwargs.get("size", args[positional_index] if len(args) > positional_index else None)
    if size is None:
        raise CannotEvaluate("a random scalar")
    return _shape_arg(size)


def _randint(*args, **kwargs):
    low = args[0] if args else kwargs.get("low", 0)
    high = args[1] if len(args) > 1 else kwargs.get("high")
    if high is None:
        low = 0
    size = _size_kwarg(args, kwargs, 2)
    return Array(size, _np_dtype(kwargs.get("dtype"), "int64"), low=low)


def _full(default_dtype):
    def make(shape, *args, dtype=None, **kwargs):
        if default_dtype == "fill" and args:
            fill_dtype = _literal_shape_dtype(args[0])[1]
        else:
            fill_dtype = "float64" if default_dtype == "fill" else default_dtype
        return Array(_shape_arg(shape), _np_dtype(dtype, fill_dtype))
    return make


def _tensor_full(shape, *args, dtype=None, **kwargs):
    return Array(_shape_arg(shape), _np_dtype(dtype, "float32"), kind="tensor")


def _arange(*args, dtype=None, **kwargs):
    nums = [a for a in args if isinstance(a, (int, float))]
    if len(nums) == 1:
        start, stop, step = 0, nums[0], 1
    elif len(nums) == 2:
        (start, stop), step = nums, 1
    elif len(nums) == 3:
        start, stop, step = nums
    else:
        raise CannotEvaluate("np.arange arguments")
    n = max(0, -(-(stop - start) // step))
    default = "float64" if any(isinstance(a, float) for a in nums) else "int64"
    values = list(range(start, stop, step)) if n <= 4096 and default == "int64" else None
    return Array((int(n),), _np_dtype(dtype, default), values=values)


def _reshape(array, shape, *args, **kwargs):
    if not isinstance(array, Array):
        array = _array_from(array)
    shape = _shape_arg(shape)
    size = 1
    for d in array.shape:
        size *= d
    if -1 in shape:
        known = 1
        for d in shape:
            if d != -1:
                known *= d
        shape = tuple(size // known if d == -1 else d for d in shape)
    values = array.values
    if values is not None:
        flat = list(_flatten(values))
        values = _nest(flat, shape)
    return array.replace(shape=shape, values=values)


def _flatten(values):
    if isinstance(values, list):
        for v in values:
            yield from _flatten(v)
    else:
        yield values


def _nest(flat, shape):
    if not shape:
        return flat[0]
    step = len(flat) // shape[0] if shape[0] else 0
    return [_nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _transpose(array, axes=None):
    if not isinstance(array, Array):
        array = _array_from(array)
    axes = axes or tuple(reversed(range(len(array.shape))))
    return array.replace(shape=tuple(array.shape[a] for a in axes), values=None)


def _same_shape(array, *args, **kwargs):
    if not isinstance(array, Array):
        array = _array_from(array)
    return array.replace(values=None)


def _expand_dims(array, axis):
    shape = list(array.shape)
    shape.insert(axis if axis >= 0 else len(shape) + axis + 1, 1)
    return array.replace(shape=tuple(shape), values=None)


def _to_tensor(value, dtype=None, **kwargs):
    return _array_from(value, dtype, kind="tensor")


def _sparse(value, **kwargs):
    return value.replace(sparse=True)


NUMPY_FUNCTIONS = {
    "numpy.random.random": _random("float64", lambda a, k: _shape_arg(a[0] if a else k["size"])),
    "numpy.random.random_sample": _random("float64", lambda a, k: _shape_arg(a[0] if a else k["size"])),
    "numpy.random.rand": _random("float64", lambda a, k: tuple(a)),
    "numpy.random.randn": _random("float64", lambda a, k: tuple(a)),
    "numpy.random.uniform": _random("float64", lambda a, k: _size_kwarg(a, k, 2)),
    "numpy.random.normal": _random("float64", lambda a, k: _size_kwarg(a, k, 2)),
    "numpy.random.randint": _randint,
    "numpy.ones": _full("float64"),
    "numpy.zeros": _full("float64"),
    "numpy.empty": _full("float64"),
    "numpy.full": _full("fill"),
    "numpy.arange": _arange,
    "numpy.array": lambda v, dtype=None, **k: _array_from(v, dtype),
    "numpy.asarray": lambda v, dtype=None, **k: _array_from(v, dtype),
    "numpy.reshape": _reshape,
    "numpy.transpose": _transpose,
    "numpy.multiply": _same_shape,
    "numpy.expand_dims": _expand_dims,
    "keras.ops.ones": _tensor_full,
    "keras.ops.zeros": _tensor_full,
    "keras.ops.convert_to_tensor": _to_tensor,
    "keras.src.backend.convert_to_tensor": _to_tensor,
    "keras.src.backend.numpy.ones": _tensor_full,
    "jax.experimental.sparse.BCOO.fromdense": _sparse,
    "tensorflow.sparse.from_dense": _sparse,
}

ARRAY_METHODS = {
    "astype": lambda a, dtype, **k: a.replace(dtype=_np_dtype(dtype, a.dtype)),
    "reshape": lambda a, *shape, **k: _reshape(a, shape[0] if len(shape) == 1 else shape),
    "transpose": lambda a, *axes: _transpose(a, axes[0] if len(axes) == 1 else (axes or None)),
    "copy": lambda a: a,
}

#: Calls with a known answer on the JAX backend (CPU).
CONSTANT_CALLS = {
    "keras.src.backend.backend": "jax",
    "keras.backend.backend": "jax",
    "keras.src.backend.config.backend": "jax",
    "keras.src.backend.config.image_data_format": "channels_last",
    "keras.src.backend.image_data_format": "channels_last",
    "keras.config.image_data_format": "channels_last",
    "keras.src.backend.floatx": "float32",
    "keras.src.backend.config.floatx": "float32",
}
CONSTANT_NAMES = {
    "keras.src.backend.SUPPORTS_SPARSE_TENSORS": True,
    "keras.src.backend.SUPPORTS_RAGGED_TENSORS": False,
}
TESTING_HOST = ("uses_gpu", "uses_tpu", "jax_uses_gpu", "jax_uses_tpu", "tensorflow_uses_gpu",
                "tensorflow_uses_tpu", "torch_uses_gpu")


def canonical(path):
    """``keras.src.layers.activations.relu.ReLU`` -> ``keras.layers.ReLU``."""
    parts = path.split(".")
    if parts[:2] == ["keras", "src"] and len(parts) > 3 and parts[2] in PUBLIC_NAMESPACES:
        return f"keras.{parts[2]}.{parts[-1]}"
    if parts[:2] == ["keras", "src"] and len(parts) == 4 and parts[2] == "backend" and parts[3] in (
            "KerasTensor",):
        return "keras.KerasTensor"
    return path


# -- evaluation ----------------------------------------------------------------------------

class Scope:
    """Names visible to an expression: the method's locals over the module's names."""

    def __init__(self, module, local=None):
        self.module = module
        self.local = dict(local or {})

    def lookup(self, name):
        if name in self.local:
            value = self.local[name]
            if isinstance(value, CannotEvaluate):
                raise value
            return value
        return self.module.lookup(name)


class ModuleInfo:
    """One test file: its imports, constants and definitions."""

    def __init__(self, path, source):
        self.path = path
        self.source = source
        self.tree = ast.parse(source)
        self.aliases = {}
        self.constants = {}
        self.definitions = {}
        self.import_lines = []
        self._evaluated = {}
        #: Definitions imported from other test files: name -> their module.
        self.borrowed = {}
        for node in self.tree.body:
            self.read_top_level(node)

    _loaded = {}

    @classmethod
    def load(cls, path):
        if path not in cls._loaded:
            cls._loaded[path] = cls(path, read(path))
        return cls._loaded[path]

    def imports_for(self, definitions):
        """The import lines the ``definitions`` (name -> source) use: their files' imports
        that bind a name the sources mention (imports from test files excepted: the
        definitions themselves come with the case)."""
        used = set()
        for source in definitions.values():
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Name):
                    used.add(node.id)
        lines = []
        modules = [self] + [self.borrowed[n] for n in sorted(definitions) if n in self.borrowed]
        for module in modules:
            for line in module.import_lines:
                bound = {}
                self.add_import(ast.parse(line).body[0], bound)
                if ("_test import" not in line and line not in lines
                        and used.intersection(bound)):
                    lines.append(line)
        return lines

    def read_top_level(self, node):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.add_import(node)
            self.import_lines.append(ast.get_source_segment(self.source, node))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name):
            self.constants[node.targets[0].id] = node.value
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            if not (isinstance(node, ast.ClassDef) and _is_test_class(node)):
                self.definitions[node.name] = Local(
                    node.name, ast.get_source_segment(self.source, node, padded=False),
                    "class" if isinstance(node, ast.ClassDef) else "function")

    def add_import(self, node, table=None):
        table = self.aliases if table is None else table
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    table[a.asname] = a.name
                else:
                    table[a.name.split(".")[0]] = a.name.split(".")[0]
        else:
            for a in node.names:
                table[a.asname or a.name] = f"{node.module}.{a.name}"

    def lookup(self, name):
        if name in self.aliases:
            path = self.aliases[name]
            module_path, _, member = path.rpartition(".")
            if module_path.endswith("_test"):  # a class another test file defines
                other = ModuleInfo.load(module_path.replace(".", "/") + ".py")
                if member in other.definitions:
                    self.borrowed[member] = other
                    return other.definitions[member]
            path = {"np": "numpy"}.get(path, path)
            return Ref(path)
        if name in self._evaluated:
            return self._evaluated[name]
        if name in self.constants:
            value = Evaluator(Scope(self)).eval(self.constants[name])
            self._evaluated[name] = value
            return value
        if name in self.definitions:
            return self.definitions[name]
        if name in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[name]
        builtins = {"range": range, "len": len, "tuple": tuple, "list": list, "dict": dict,
                    "int": int, "float": float, "str": str, "zip": zip, "min": min, "max": max,
                    "sum": sum, "abs": abs, "sorted": sorted, "enumerate": enumerate,
                    "bool": bool, "isinstance": isinstance}
        if name in builtins:
            return builtins[name]
        raise CannotEvaluate(f"unknown name {name!r}")


def _is_test_class(node):
    return any("TestCase" in ast.unparse(b) for b in node.bases)


BINOPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
          ast.Div: lambda a, b: a / b, ast.FloorDiv: lambda a, b: a // b,
          ast.Mod: lambda a, b: a % b, ast.Pow: lambda a, b: a ** b}
CMPOPS = {ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b,
          ast.Lt: lambda a, b: a < b, ast.LtE: lambda a, b: a <= b,
          ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b,
          ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
          ast.Is: lambda a, b: a is b, ast.IsNot: lambda a, b: a is not b}


class Evaluator:
    def __init__(self, scope):
        self.scope = scope

    def eval(self, node):
        method = getattr(self, "eval_" + type(node).__name__, None)
        if method is None:
            raise CannotEvaluate(f"{type(node).__name__} `{ast.unparse(node)[:60]}`")
        try:
            return method(node)
        except (TypeError, ValueError, KeyError, IndexError, ZeroDivisionError,
                AttributeError) as e:
            raise CannotEvaluate(f"`{ast.unparse(node)[:60]}` ({type(e).__name__}: {e})") from None

    def eval_Constant(self, node):
        return node.value

    def eval_Tuple(self, node):
        return tuple(self._elements(node.elts))

    def eval_List(self, node):
        return list(self._elements(node.elts))

    def eval_Set(self, node):
        return set(self._elements(node.elts))

    def _elements(self, elts):
        out = []
        for e in elts:
            if isinstance(e, ast.Starred):
                out.extend(self.eval(e.value))
            else:
                out.append(self.eval(e))
        return out

    def eval_Dict(self, node):
        out = {}
        for k, v in zip(node.keys, node.values):
            if k is None:
                out.update(self.eval(v))
            else:
                out[self.eval(k)] = self.eval(v)
        return out

    def eval_Name(self, node):
        return self.scope.lookup(node.id)

    def eval_Attribute(self, node):
        base = self.eval(node.value)
        if isinstance(base, Ref):
            path = f"{base.path}.{node.attr}"
            if path in CONSTANT_NAMES:
                return CONSTANT_NAMES[path]
            return Ref(path)
        if isinstance(base, Array):
            if node.attr == "shape":
                return base.shape
            if node.attr == "dtype":
                return base.dtype
            if node.attr == "ndim":
                return len(base.shape)
            if node.attr in ARRAY_METHODS:
                return ("array-method", base, node.attr)
        if isinstance(base, Local) and base.kind == "class":
            raise CannotEvaluate(f"attribute of local class {base.name}")
        raise CannotEvaluate(f"attribute `{ast.unparse(node)[:60]}`")

    def eval_Subscript(self, node):
        base = self.eval(node.value)
        index = self.eval(node.slice)
        if isinstance(base, Array):
            raise CannotEvaluate(f"indexing an array `{ast.unparse(node)[:60]}` needs its values")
        return base[index]

    def eval_Slice(self, node):
        parts = [None if p is None else self.eval(p) for p in (node.lower, node.upper, node.step)]
        return slice(*parts)

    def eval_BinOp(self, node):
        left, right = self.eval(node.left), self.eval(node.right)
        if isinstance(left, Array) or isinstance(right, Array):
            array = left if isinstance(left, Array) else right
            other = right if array is left else left
            if isinstance(other, Array) and other.shape != array.shape:
                raise CannotEvaluate("broadcasting arrays")
            dtype = array.dtype
            if isinstance(other, float) and "int" in dtype:
                dtype = "float64"
            return array.replace(values=None, dtype=dtype)
        op = BINOPS.get(type(node.op))
        if op is None:
            raise CannotEvaluate(f"operator in `{ast.unparse(node)[:60]}`")
        return op(left, right)

    def eval_UnaryOp(self, node):
        value = self.eval(node.operand)
        if isinstance(node.op, ast.USub):
            return -value
        if isinstance(node.op, ast.UAdd):
            return +value
        if isinstance(node.op, ast.Not):
            return not value
        raise CannotEvaluate("unary operator")

    def eval_BoolOp(self, node):
        if isinstance(node.op, ast.And):
            result = True
            for v in node.values:
                result = self.eval(v)
                if not result:
                    return result
            return result
        result = False
        for v in node.values:
            result = self.eval(v)
            if result:
                return result
        return result

    def eval_Compare(self, node):
        left = self.eval(node.left)
        for op, comparator in zip(node.ops, node.comparators):
            right = self.eval(comparator)
            if isinstance(left, Array) or isinstance(right, Array):
                array = left if isinstance(left, Array) else right
                return array.replace(dtype="bool", values=None)
            if not CMPOPS[type(op)](left, right):
                return False
            left = right
        return True

    def eval_IfExp(self, node):
        return self.eval(node.body) if self.eval(node.test) else self.eval(node.orelse)

    def eval_JoinedStr(self, node):
        out = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                out.append(v.value)
            else:
                out.append(format(self.eval(v.value)))
        return "".join(out)

    def eval_Lambda(self, node):
        return Lambda(ast.unparse(node))

    def eval_ListComp(self, node):
        return list(self._comprehension(node))

    def eval_GeneratorExp(self, node):
        return list(self._comprehension(node))

    def eval_DictComp(self, node):
        return dict(self._comprehension(node, key=True))

    def _comprehension(self, node, key=False):
        def run(generators, scope):
            if not generators:
                ev = Evaluator(scope)
                yield (ev.eval(node.key), ev.eval(node.value)) if key else ev.eval(node.elt)
                return
            gen = generators[0]
            for item in Evaluator(scope).eval(gen.iter):
                inner = Scope(scope.module, scope.local)
                bind(gen.target, item, inner)
                if all(Evaluator(inner).eval(c) for c in gen.ifs):
                    yield from run(generators[1:], inner)
        yield from run(node.generators, self.scope)

    def eval_Call(self, node):
        func = self.eval(node.func)
        args = []
        for a in node.args:
            if isinstance(a, ast.Starred):
                args.extend(self.eval(a.value))
            else:
                args.append(self.eval(a))
        kwargs = {}
        for kw in node.keywords:
            if kw.arg is None:
                kwargs.update(self.eval(kw.value))
            else:
                kwargs[kw.arg] = self.eval(kw.value)
        return call(func, args, kwargs, node)


def call(func, args, kwargs, node):
    if isinstance(func, tuple) and func and func[0] == "array-method":
        return ARRAY_METHODS[func[2]](func[1], *args, **kwargs)
    if isinstance(func, Ref):
        if func.path.endswith("test_utils.named_product"):
            return named_product(*args, **kwargs)
        path = canonical(func.path)
        if path in CONSTANT_CALLS or func.path in CONSTANT_CALLS:
            return CONSTANT_CALLS.get(path, CONSTANT_CALLS.get(func.path))
        if func.path.split(".")[-1] in TESTING_HOST and "testing" in func.path:
            return False
        if path in NUMPY_FUNCTIONS:
            return NUMPY_FUNCTIONS[path](*args, **kwargs)
        if func.path in NUMPY_FUNCTIONS:
            return NUMPY_FUNCTIONS[func.path](*args, **kwargs)
        if path.startswith("numpy.") or path.startswith("jax.") or path.startswith("tensorflow"):
            raise CannotEvaluate(f"`{ast.unparse(node)[:70]}`")
        if path.startswith("keras.testing") or ".testing." in path:
            raise CannotEvaluate(f"`{ast.unparse(node)[:70]}`")
        return Construct(path, args, kwargs)
    if isinstance(func, Local):
        return Construct(f"local:{func.name}", args, kwargs)
    if func in (range, len, tuple, list, dict, int, float, str, zip, min, max, sum, abs, sorted,
                enumerate, bool, isinstance):
        try:
            result = func(*args, **kwargs)
        except TypeError as e:
            raise CannotEvaluate(str(e)) from None
        return list(result) if func in (zip, enumerate) else result
    raise CannotEvaluate(f"call `{ast.unparse(node)[:70]}`")


def bind(target, value, scope):
    if isinstance(target, ast.Name):
        scope.local[target.id] = value
    elif isinstance(target, (ast.Tuple, ast.List)):
        if isinstance(value, CannotEvaluate):
            for t in target.elts:
                bind(t, value, scope)
            return
        values = list(value)
        if len(values) != len(target.elts):
            raise CannotEvaluate("unpacking mismatch")
        for t, v in zip(target.elts, values):
            bind(t, v, scope)
    else:
        raise CannotEvaluate(f"assignment to `{ast.unparse(target)}`")


# -- encoding as plain data --------------------------------------------------------------

def encode(value):
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    if isinstance(value, tuple):
        return tuple(encode(v) for v in value)
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, Ref):
        return {"__ref__": canonical(value.path)}
    if isinstance(value, Local):
        return {"__ref__": f"local:{value.name}"}
    if isinstance(value, Construct):
        return {"__call__": value.target, "args": [encode(a) for a in value.args],
                "kwargs": {k: encode(v) for k, v in value.kwargs.items()}}
    if isinstance(value, Array):
        return {"__array__": {"shape": value.shape, "dtype": value.dtype, "values": value.values,
                              "low": value.low, "sparse": value.sparse, "kind": value.kind}}
    if isinstance(value, Lambda):
        return {"__lambda__": value.source}
    if isinstance(value, set):
        return sorted(encode(v) for v in value)
    raise CannotEvaluate(f"cannot encode {type(value).__name__}")


def locals_used(value, found):
    """Names of local definitions a value refers to."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("__ref__", "__call__") and isinstance(v, str) and v.startswith("local:"):
                found.add(v[len("local:"):])
            else:
                locals_used(v, found)
    elif isinstance(value, (list, tuple)):
        for v in value:
            locals_used(v, found)
    return found


# -- parameterized expansion ---------------------------------------------------------------

def decorator_name(node):
    target = node.func if isinstance(node, ast.Call) else node
    return ast.unparse(target)


def expand_parameters(method, scope):
    """``[(case name or None, {param: value})]`` for a test method's decorators."""
    params = [a.arg for a in method.args.args[1:]]
    defaults = method.args.defaults
    variants = [(None, dict(zip(params[len(params) - len(defaults):],
                                [Evaluator(scope).eval(d) for d in defaults])))]
    skip = None
    for dec in method.decorator_list:
        name = decorator_name(dec)
        if name.endswith("parameterized.named_parameters") or name.endswith(
                "parameterized.parameters"):
            named = name.endswith("named_parameters")
            cases = [Evaluator(scope).eval(a) for a in dec.args]
            if len(cases) == 1 and not isinstance(cases[0], (tuple, dict)):
                cases = list(cases[0])
            expanded = []
            for i, case in enumerate(cases):
                if isinstance(case, dict):
                    case = dict(case)
                    label = case.pop("testcase_name", None) if named else None
                    expanded.append((label if named else str(i), case))
                else:
                    values = list(case) if isinstance(case, (tuple, list)) and (
                        named or isinstance(case, tuple)) else [case]
                    label = values.pop(0) if named else str(i)
                    expanded.append((label, dict(zip(params, values))))
            variants = [(join(a, b), {**pa, **pb}) for a, pa in variants for b, pb in expanded]
        elif name.endswith("parameterized.product"):
            # absl: positional arguments are sequences of dicts, keywords name -> values.
            groups = [list(Evaluator(scope).eval(a)) for a in dec.args]
            groups += [[{kw.arg: v} for v in Evaluator(scope).eval(kw.value)]
                       for kw in dec.keywords]
            expanded = []
            for i, combo in enumerate(itertools.product(*groups)):
                merged = {}
                for d in combo:
                    merged.update(d)
                expanded.append((str(i), merged))
            variants = [(join(a, b), {**pa, **pb}) for a, pa in variants for b, pb in expanded]
        elif name.endswith("pytest.mark.skipif"):
            condition = Evaluator(scope).eval(dec.args[0])
            if condition:
                reason = next((Evaluator(scope).eval(k.value) for k in dec.keywords
                               if k.arg == "reason"), "")
                skip = f"Keras skips it on JAX: {reason}"
        elif name.endswith("pytest.mark.xfail"):
            skip = "Keras marks it xfail"
        elif name.endswith("named_product"):
            raise CannotEvaluate("named_product decorator")
    return variants, skip


def join(a, b):
    if a is None:
        return b
    return f"{a}_{b}"


def named_product(*args, **kwargs):
    """keras/src/testing/test_utils.py ``named_product``, on evaluated values."""
    def value_to_str(value):
        if isinstance(value, (Ref, Local)):
            return value.path.rsplit(".", 1)[-1].lower() if isinstance(value, Ref) else value.name.lower()
        return str(value).lower()
    all_test_dicts = list(args)
    for name, values in kwargs.items():
        all_test_dicts.append([{"testcase_name": value_to_str(v), name: v} for v in values])
    out = []
    for combo in itertools.product(*all_test_dicts):
        merged = {}
        names = []
        for d in combo:
            d = dict(d)
            names.append(d.pop("testcase_name"))
            merged.update(d)
        merged["testcase_name"] = "_".join(names)
        out.append(merged)
    return out


# -- running a test method statically ------------------------------------------------------

class MethodRunner:
    def __init__(self, module, test_class, method, case_prefix, params):
        self.module = module
        self.test_class = test_class
        self.methods = {n.name: n for n in test_class.body if isinstance(n, ast.FunctionDef)}
        self.method = method
        self.prefix = case_prefix
        self.scope = Scope(module, params)
        self.scope.local["self"] = Ref("self")
        self.cases = []
        self.left_out = []
        self.local_defs = {}
        self.expect_error = None

    def run(self):
        try:
            self.run_body(self.method.body, self.scope)
        except SkipTest as e:
            self.skipped_rest = str(e)
        except _Return:
            pass

    def run_body(self, body, scope):
        for stmt in body:
            self.run_statement(stmt, scope)

    def run_statement(self, stmt, scope):
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            self.run_call_statement(stmt.value, scope)
        elif isinstance(stmt, ast.Assign):
            try:
                value = Evaluator(scope).eval(stmt.value)
            except CannotEvaluate as e:
                value = e
            for target in stmt.targets:
                try:
                    bind(target, value, scope)
                except CannotEvaluate:
                    pass
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            try:
                value = Evaluator(scope).eval(ast.BinOp(stmt.target, stmt.op, stmt.value))
            except CannotEvaluate as e:
                value = e
            scope.local[stmt.target.id] = value
        elif isinstance(stmt, ast.If):
            try:
                test = Evaluator(scope).eval(stmt.test)
            except CannotEvaluate as e:
                self.unknown_branch(stmt, scope, e)
                return
            self.run_body(stmt.body if test else stmt.orelse, scope)
        elif isinstance(stmt, ast.For):
            items = Evaluator(scope).eval(stmt.iter)
            for item in items:
                bind(stmt.target, item, scope)
                self.run_body(stmt.body, scope)
        elif isinstance(stmt, ast.With):
            saved = self.expect_error
            for item in stmt.items:
                text = ast.unparse(item.context_expr)
                if text.startswith("self.assertRaises"):
                    self.expect_error = text
            self.run_body(stmt.body, scope)
            self.expect_error = saved
        elif isinstance(stmt, ast.Try):
            self.run_body(stmt.body, scope)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            table = {}
            self.module.add_import(stmt, table)
            for k, v in table.items():
                scope.local[k] = Ref(v)
        elif isinstance(stmt, ast.FunctionDef):
            source = textwrap.dedent(ast.get_source_segment(self.module.source, stmt, padded=True))
            local = Local(stmt.name, source, "function")
            self.local_defs[stmt.name] = local
            scope.local[stmt.name] = local
        elif isinstance(stmt, ast.ClassDef):
            source = textwrap.dedent(ast.get_source_segment(self.module.source, stmt, padded=True))
            local = Local(stmt.name, source, "class")
            self.local_defs[stmt.name] = local
            scope.local[stmt.name] = local
        elif isinstance(stmt, ast.Return):
            raise _Return()
        elif isinstance(stmt, (ast.Pass, ast.Assert, ast.Delete, ast.Raise)):
            pass
        else:
            if _contains_run_layer_test(stmt):
                self.note_left_out(stmt, f"statement {type(stmt).__name__} not evaluated")

    def unknown_branch(self, stmt, scope, error):
        if _contains_run_layer_test(stmt):
            self.note_left_out(stmt, f"cannot decide the `if {ast.unparse(stmt.test)[:60]}` ({error})")

    def note_left_out(self, node, reason):
        for call_node in ast.walk(node):
            if _is_run_layer_test(call_node):
                self.left_out.append((f"{self.prefix}@L{call_node.lineno}", reason))

    def run_call_statement(self, node, scope):
        if _is_run_layer_test(node):
            self.emit(node, scope)
            return
        text = ast.unparse(node.func)
        if text in ("pytest.skip", "self.skipTest", "self.fail"):
            raise SkipTest(text)
        if text.startswith("self.") and text[5:] in self.methods and _contains_run_layer_test(
                self.methods[text[5:]]):
            helper = self.methods[text[5:]]
            ev = Evaluator(scope)
            args = [ev.eval(a) for a in node.args]
            kwargs = {kw.arg: ev.eval(kw.value) for kw in node.keywords}
            names = [a.arg for a in helper.args.args[1:]]
            defaults = helper.args.defaults
            bound = dict(zip(names[len(names) - len(defaults):],
                             [Evaluator(scope).eval(d) for d in defaults]))
            bound.update(zip(names, args))
            bound.update(kwargs)
            inner = Scope(self.module, bound)
            inner.local["self"] = Ref("self")
            try:
                self.run_body(helper.body, inner)
            except _Return:
                pass

    def emit(self, node, scope):
        case_id = f"{self.prefix}@L{node.lineno}"
        if self.expect_error:
            expect = self.expect_error
        else:
            expect = None
        try:
            arguments = self.evaluate_arguments(node, scope)
        except CannotEvaluate as e:
            self.left_out.append((case_id, f"cannot evaluate statically: {e}"))
            return
        used = locals_used(arguments, set())
        definitions = {}
        for name in sorted(used):
            local = (self.local_defs.get(name) or self.module.definitions.get(name)
                     or self.module.borrowed[name].definitions[name])
            definitions[name] = local.source
        self.cases.append({"id": case_id, "arguments": arguments, "definitions": definitions,
                           "keras_expects_error": expect})

    def evaluate_arguments(self, node, scope):
        ev = Evaluator(scope)
        arguments = {}
        for name, value_node in zip(RUN_LAYER_TEST_ARGS, node.args):
            arguments[name] = value_node
        for kw in node.keywords:
            if kw.arg is None:
                raise CannotEvaluate("**kwargs in the run_layer_test call")
            arguments[kw.arg] = kw.value
        out = {}
        for name, value_node in arguments.items():
            if name in VALUE_ONLY_ARGS:
                try:
                    out[name] = encode(ev.eval(value_node))
                except CannotEvaluate:
                    out[name] = {"__unevaluated__": ast.unparse(value_node)}
                continue
            out[name] = encode(ev.eval(value_node))
        return out


class _Return(Exception):
    pass


def _is_run_layer_test(node):
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "run_layer_test")


def _contains_run_layer_test(node):
    return any(_is_run_layer_test(n) for n in ast.walk(node))


# -- files --------------------------------------------------------------------------------

def test_files():
    out = subprocess.run(["git", "-C", REPO, "ls-tree", "-r", "--name-only", TAG, "keras/src/layers"],
                         check=True, capture_output=True, text=True).stdout.split()
    return sorted(f for f in out if f.endswith("_test.py"))


def read(path):
    return subprocess.run(["git", "-C", REPO, "show", f"{TAG}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def extract_file(path):
    module = ModuleInfo.load(path)
    cases, left_out = [], []
    short = path[len("keras/src/layers/"):]
    for cls in module.tree.body:
        if not (isinstance(cls, ast.ClassDef) and _is_test_class(cls)):
            continue
        for method in cls.body:
            if not (isinstance(method, ast.FunctionDef) and method.name.startswith("test")):
                continue
            if not _contains_run_layer_test(method):
                continue
            prefix = f"{short}::{cls.name}::{method.name}"
            scope = Scope(module)
            try:
                variants, skip = expand_parameters(method, scope)
            except CannotEvaluate as e:
                left_out.append((f"{prefix}", f"cannot expand its parameters: {e}"))
                continue
            for label, params in variants:
                case_prefix = prefix if label is None else f"{prefix}[{label}]"
                runner = MethodRunner(module, cls, method, case_prefix, params)
                if skip:
                    runner.note_left_out(method, skip)
                    left_out.extend(runner.left_out)
                    continue
                try:
                    runner.run()
                except CannotEvaluate as e:
                    runner.note_left_out(method, f"cannot run the test body statically: {e}")
                    # Cases emitted before the failure stay.
                for case in runner.cases:
                    case["file"] = path
                    if case["definitions"]:
                        case["imports"] = module.imports_for(case["definitions"])
                cases.extend(runner.cases)
                seen = {c["id"] for c in runner.cases}
                left_out.extend((i, r) for i, r in runner.left_out if i not in seen)
    reached = {int(i.rsplit("@L", 1)[1]) for i, _ in left_out}
    reached |= {int(c["id"].rsplit("@L", 1)[1]) for c in cases}
    for node in ast.walk(module.tree):
        if _is_run_layer_test(node) and node.lineno not in reached:
            left_out.append((f"{short}@L{node.lineno}",
                             "Keras does not run it on JAX (a branch for another backend)"))
    return cases, left_out


def dedupe_ids(cases):
    counts = {}
    for c in cases:
        counts[c["id"]] = counts.get(c["id"], 0) + 1
    seen = {}
    for c in cases:
        if counts[c["id"]] > 1:
            seen[c["id"]] = seen.get(c["id"], 0) + 1
            c["id"] = f"{c['id']}#{seen[c['id']]}"


#: Cases extracted but left out, by id prefix, with the reason.
EXCLUDED = {
    "preprocessing/hashed_crossing_test.py::": (
        "Keras 3.15's HashedCrossing computes with TensorFlow even on the JAX backend (its "
        "call imports tensorflow): Keras itself cannot run it without TensorFlow installed"),
    "preprocessing/data_layer_test.py::": (
        "the test's layer subclasses keras.src.layers.preprocessing.data_layer.DataLayer and "
        "draws seeds through self.backend (Keras's internal multi-backend data layer), which "
        "is not Keras's public API, the API paramscope provides"),
    "rnn/dropout_rnn_cell_test.py::": (
        "the test's cell mixes in keras.src.layers.rnn.dropout_rnn_cell.DropoutRNNCell and "
        "creates keras.src.backend.random.SeedGenerator, Keras internals outside its public "
        "API, the API paramscope provides"),
}


def extract():
    cases, left_out = [], []
    for path in test_files():
        c, l = extract_file(path)
        for case in c:
            reason = next((r for p, r in EXCLUDED.items() if case["id"].startswith(p)), None)
            if reason:
                l.append((case["id"], reason))
            else:
                cases.append(case)
        left_out.extend(l)
    dedupe_ids(cases)
    return cases, [{"id": i, "reason": r} for i, r in left_out]


HEADER = '''"""Keras 3.15.1's own layer tests: the ``run_layer_test`` cases, as plain data.

Generated by tools/extract_layer_tests.py from the keras/src/layers/**/*_test.py files
of Keras {tag} (parsed with ``ast``; no test code imported).  Do not edit by hand:

    python tools/extract_layer_tests.py

Golden fixture (real Keras 3.15.1, JAX backend):

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_layer_tests.py
        -> tests/golden/keras3_layer_tests.json.gz

``CASES``: one dict per ``run_layer_test`` call: ``id`` (file::class::method[params]@Lline),
``file``, ``arguments`` (the call's keyword arguments), ``definitions`` (source of the classes
and functions of the test file the case uses, keyed by name), ``imports`` (the test file's
import lines, for those definitions), ``keras_expects_error`` (the call sits in a
``with self.assertRaises...`` block).  Encoded values: see the extractor's docstring.

``LEFT_OUT``: calls not extracted, each with the reason.  ``EXCLUDED`` (in
tools/make_layer_tests.py's terms): see ``EXCLUDED`` below, the cases extracted but not
compared, each with its reason.
"""

'''


def render(cases, left_out):
    body = HEADER.format(tag=TAG)
    body += "# fmt: off\n"
    body += "CASES = " + pprint.pformat(cases, width=100, sort_dicts=False) + "\n\n"
    body += "LEFT_OUT = " + pprint.pformat(left_out, width=100, sort_dicts=False) + "\n"
    return body


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the case file is stale")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args(argv)
    cases, left_out = extract()
    text = render(cases, left_out)
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            current = f.read()
        if current != text:
            print(f"{args.out} is not current: run tools/extract_layer_tests.py", file=sys.stderr)
            return 1
        return 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{len(cases)} cases, {len(left_out)} left out -> {os.path.relpath(args.out, ROOT)}")
    for item in left_out:
        print(f"  left out: {item['id']}: {item['reason']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
