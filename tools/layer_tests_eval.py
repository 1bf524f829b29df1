"""The static evaluator behind tools/extract_layer_tests.py (developer tool).

Evaluates the arguments of Keras's test calls without running them: literals, names bound
statically, NumPy arrays known by their shapes (``np.random.random((2, 3))``), Keras objects
by reference (``layers.Dense``) and calls to them, made later when a case is run
(``Construct``).  What needs values raises :class:`CannotEvaluate`.
"""

from __future__ import annotations

import ast
import itertools

#: Keras public namespaces: ``keras.src.<ns>...<Name>`` is ``keras.<ns>.<Name>``.
PUBLIC_NAMESPACES = ("layers", "ops", "activations", "regularizers", "constraints",
                     "initializers", "quantizers", "losses", "metrics", "random")

class CannotEvaluate(Exception):
    """An expression that needs values or code this static evaluator does not have."""


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
