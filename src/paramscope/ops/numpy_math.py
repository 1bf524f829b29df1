"""``keras.ops`` elementwise functions of the NumPy family (``keras/src/ops/numpy.py``):
one tensor (``exp``, ``sqrt``, ``isnan``...) or two broadcast together (``add``,
``maximum``, ``equal``...), each with Keras's output-dtype rule.

Each Keras operation class is defined here with its rule; the function of the same
name applies it (a node in the graph on symbolic tensors, a Constant on concrete ones).
"""

from __future__ import annotations

from ..dtypes import floatx
from ..layers.base import KerasTensor
from ._base import Operation, call
from ._dtypes import dtype_of, result_type, standardize_dtype
from ._shapes import OpShapeError, OpTypeError, broadcast_shapes

__all__ = []


# --------------------------------------------------------------------------------------
# dtype rules of one-tensor operations
# --------------------------------------------------------------------------------------

def _same(x):
    return x.dtype


def _float_unless_int64(x):
    """Trigonometric, logarithmic, rounding: int64 gives floatx, the rest promote with float."""
    dtype = standardize_dtype(dtype_of(x, floatx()))
    return floatx() if dtype == "int64" else result_type(dtype, float)


def _float_if_integer(x):
    """exp family: integers and bool give floatx."""
    dtype = standardize_dtype(x.dtype)
    return floatx() if "int" in dtype or dtype == "bool" else dtype


def _cbrt(x):
    dtype = standardize_dtype(x.dtype)
    if dtype in ("bool", "int8", "int16", "int32", "uint8", "uint16", "uint32"):
        return floatx()
    return "float64" if dtype == "int64" else dtype


def _deg2rad(x):
    dtype = standardize_dtype(x.dtype)
    if dtype in ("int64", "float64"):
        return "float64"
    return dtype if dtype in ("bfloat16", "float16") else floatx()


def _bool(x):
    return "bool"


def _fabs(x):
    dtype = standardize_dtype(dtype_of(x))
    if "complex" in dtype:
        raise OpTypeError(f"fabs does not support complex inputs. Received: dtype={dtype}")
    return floatx() if "int" in dtype or dtype == "bool" else dtype


def _square(x):
    dtype = standardize_dtype(x.dtype)
    return "int32" if dtype == "bool" else dtype


def _floatx(x):
    return "float32"


def _corrcoef(x):
    dtype = standardize_dtype(dtype_of(x, floatx()))
    return "float64" if dtype == "int64" else result_type(dtype, float)


def _promote_with_float(x):
    return result_type(x.dtype, float)


def concrete_dtype_check(op_name, x, accepted):
    """JAX's check of an argument's dtype on concrete values (``accepted``: "float",
    "integer" or "integer, bool"); Keras's symbolic rules do not check."""
    dtype = standardize_dtype(dtype_of(x))
    kinds = {"float": ("float",), "integer": ("int",), "integer, bool": ("int", "bool")}
    if not any(kind in dtype for kind in kinds[accepted]):
        what = "floating, complexfloating" if accepted == "float" else accepted
        raise OpTypeError(f"{op_name} does not accept dtype {dtype}. Accepted dtypes are "
                          f"subtypes of {what}.")


class ElementwiseUnary(Operation):
    """One tensor in, the same shape out; ``dtype_rule`` gives the dtype.

    On concrete values the JAX backend may differ: ``concrete_kind`` "float_only" rejects
    integer inputs, "floats_ints" computes integers in floatx."""

    dtype_rule = staticmethod(_same)
    keeps_sparse = False
    concrete_kind = None

    def compute_output_spec(self, x):
        sparse = getattr(x, "sparse", False) if self.keeps_sparse else False
        return KerasTensor(x.shape, dtype=self.dtype_rule(x), sparse=sparse)

    def concrete_output_spec(self, x, *args, **kwargs):
        if self.concrete_kind == "float_only":
            concrete_dtype_check(type(self).__name__.lower(), x, "float")
        out = self.compute_output_spec(x, *args, **kwargs)
        if self.concrete_kind == "floats_ints":
            dtype = standardize_dtype(out.dtype)
            if "int" in dtype or dtype == "bool":
                return KerasTensor(out.shape, dtype=floatx())
        elif self.concrete_kind == "integers_only":
            concrete_dtype_check("not", x, "integer, bool")
        return out


def define(name, base, module_all, namespace, **attrs):
    """A Keras operation class ``name`` (its class name is its auto-name in graphs)."""
    cls = type(name, (base,), dict(attrs, __module__=namespace["__name__"]))
    namespace[name] = cls
    module_all.append(name)
    return cls


def unary_function(fn_name, cls, namespace, module_all):
    def function(x):
        return call(cls, (x,))
    function.__name__ = function.__qualname__ = fn_name
    function.__doc__ = f"``keras.ops.{fn_name}(x)``."
    namespace[fn_name] = function
    module_all.append(fn_name)
    return function


#: class name -> (function names, dtype rule, keeps sparse)
UNARY = {
    "Absolute": (("absolute",), _same, True),
    "Fabs": (("fabs",), _fabs, True),
    "Angle": (("angle",), _float_unless_int64, False),
    "Arccos": (("arccos",), _float_unless_int64, False),
    "Arccosh": (("arccosh",), _float_unless_int64, False),
    "Arcsin": (("arcsin",), _float_unless_int64, True),
    "Arcsinh": (("arcsinh",), _float_unless_int64, True),
    "Arctan": (("arctan",), _float_unless_int64, True),
    "Arctanh": (("arctanh",), _float_unless_int64, True),
    "BitwiseInvert": (("bitwise_invert",), _same, False),
    "BitwiseNot": (("bitwise_not",), _same, False),
    "Cbrt": (("cbrt",), _cbrt, False),
    "Ceil": (("ceil",), _float_unless_int64, True),
    "Conjugate": (("conjugate",), _same, True),
    "Copy": (("copy",), _same, True),
    "Cos": (("cos",), _float_unless_int64, False),
    "Cosh": (("cosh",), _float_unless_int64, False),
    "Deg2rad": (("deg2rad",), _deg2rad, False),
    "Rad2deg": (("rad2deg",), _deg2rad, False),
    "Exp": (("exp",), _float_if_integer, False),
    "Exp2": (("exp2",), _float_if_integer, False),
    "Expm1": (("expm1",), _float_if_integer, True),
    "Floor": (("floor",), _float_unless_int64, True),
    "I0": (("i0",), _deg2rad, False),
    "Imag": (("imag",), _same, True),
    "Isfinite": (("isfinite",), _bool, False),
    "Isinf": (("isinf",), _bool, False),
    "Isnan": (("isnan",), _bool, False),
    "Isneginf": (("isneginf",), _bool, False),
    "Isposinf": (("isposinf",), _bool, False),
    "Isreal": (("isreal",), _bool, False),
    "Log": (("log",), _float_unless_int64, False),
    "Log10": (("log10",), _float_unless_int64, False),
    "Log1p": (("log1p",), _float_unless_int64, True),
    "Log2": (("log2",), _float_unless_int64, False),
    "LogicalNot": (("logical_not",), _bool, False),
    "Negative": (("negative",), _same, True),
    "Real": (("real",), _same, True),
    "Reciprocal": (("reciprocal",), _floatx, False),
    "Sign": (("sign",), _same, True),
    "Signbit": (("signbit",), _bool, True),
    "Sin": (("sin",), _float_unless_int64, True),
    "Sinc": (("sinc",), _float_unless_int64, False),
    "Sinh": (("sinh",), _float_unless_int64, True),
    "Sqrt": (("sqrt",), _float_unless_int64, True),
    "Square": (("square",), _square, True),
    "Tan": (("tan",), _float_unless_int64, True),
    "Tanh": (("tanh",), _float_unless_int64, True),
    "Trunc": (("trunc",), _same, False),
    "Corrcoef": (("corrcoef",), _corrcoef, False),
}

for _cls_name, (_fn_names, _rule, _sparse) in UNARY.items():
    _cls = define(_cls_name, ElementwiseUnary, __all__, globals(),
                  dtype_rule=staticmethod(_rule), keeps_sparse=_sparse,
                  concrete_kind="integers_only" if _cls_name.startswith("Bitwise") else None)
    for _fn in _fn_names:
        unary_function(_fn, _cls, globals(), __all__)

def _corrcoef_concrete(self, x):
    """NumPy's corrcoef: one row per variable, a (rows, rows) matrix (Keras's symbolic rule
    keeps ``x``'s shape)."""
    out = self.compute_output_spec(x)
    rows = () if len(x.shape) < 2 else (x.shape[0], x.shape[0])
    return KerasTensor(rows, dtype=jax_float(out.dtype))


def jax_float(dtype):
    return "float32" if dtype == "float64" else dtype


globals()["Corrcoef"].concrete_output_spec = _corrcoef_concrete

# Keras's aliases are subclasses (their own class names in graphs).
Abs = define("Abs", globals()["Absolute"], __all__, globals())
Conj = define("Conj", globals()["Conjugate"], __all__, globals())


def abs(x):  # noqa: A001 - Keras's name
    """``keras.ops.abs``: Keras's ``absolute``."""
    return absolute(x)  # noqa: F821 - defined above


def conj(x):
    """``keras.ops.conj``: Keras's ``conjugate``."""
    return conjugate(x)  # noqa: F821 - defined above


__all__ += ["abs", "conj"]


class Round(ElementwiseUnary):
    keeps_sparse = True

    def __init__(self, decimals=0, *, name=None):
        super().__init__(name=name)
        self.decimals = decimals


def round(x, decimals=0):  # noqa: A001 - Keras's name
    return call(Round, (x,), decimals=decimals)


class NanToNum(ElementwiseUnary):
    def __init__(self, nan=0.0, posinf=None, neginf=None, *, name=None):
        super().__init__(name=name)
        self.nan, self.posinf, self.neginf = nan, posinf, neginf


def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    return call(NanToNum, (x,), nan=nan, posinf=posinf, neginf=neginf)


class Tril(ElementwiseUnary):
    def __init__(self, k=0, *, name=None):
        super().__init__(name=name)
        self.k = k


class Triu(Tril):
    pass


def tril(x, k=0):
    return call(Tril, (x,), k=k)


def triu(x, k=0):
    return call(Triu, (x,), k=k)


__all__ += ["Round", "round", "NanToNum", "nan_to_num", "Tril", "Triu", "tril", "triu"]


# --------------------------------------------------------------------------------------
# two tensors
# --------------------------------------------------------------------------------------

def _shape_of(x):
    return getattr(x, "shape", [])


def _result(x1, x2, *extra):
    return result_type(dtype_of(x1), dtype_of(x2), *extra)


def _strict_result(x1, x2, *extra):
    """Keras standardizes Python scalars' types first: ``2.5`` is a strong float32 here."""
    return result_type(standardize_dtype(dtype_of(x1)), standardize_dtype(dtype_of(x2)), *extra)


def _float_result(x1, x2):
    return _result(x1, x2, float)


def _mod_result(x1, x2):
    dtype = _result(x1, x2)
    return "int32" if dtype == "bool" else dtype


def _floatish_result(x1, x2):
    """hypot, heaviside: integer results become floats (int64: float64)."""
    dtype = result_type(x1.dtype, x2.dtype)
    if dtype in ("int8", "int16", "int32", "uint8", "uint16", "uint32"):
        return floatx()
    return "float64" if dtype == "int64" else dtype


def _arctan2_result(x1, x2):
    return result_type(standardize_dtype(dtype_of(x1, floatx())),
                       standardize_dtype(dtype_of(x2, floatx())), float)


def _both_sparse(x1, x2):
    return getattr(x1, "sparse", False) and getattr(x2, "sparse", False)


def _either_sparse(x1, x2):
    """Keras's Multiply: a non-tensor counts as sparse."""
    return getattr(x1, "sparse", True) or getattr(x2, "sparse", True)


def _numerator_sparse(x1, x2):
    return getattr(x1, "sparse", False) and not getattr(x2, "sparse", False)


def _not_sparse(x1, x2):
    return False


class ElementwiseBinary(Operation):
    """Two tensors broadcast together; ``dtype_rule`` and ``sparse_rule`` give the rest."""

    dtype_rule = staticmethod(_result)
    sparse_rule = staticmethod(_not_sparse)
    shape_attr = staticmethod(_shape_of)
    wraps_python_scalars = True
    #: On concrete values JAX accepts only these dtypes (see ``concrete_dtype_check``).
    concrete_accepts = None

    def concrete_output_spec(self, x1, x2):
        if self.concrete_accepts is not None:
            for x in (x1, x2):
                dtype = standardize_dtype(dtype_of(x))
                if not any(kind in dtype for kind in self.concrete_accepts):
                    raise OpShapeError(f"Arguments to jax.numpy.{type(self).__name__.lower()} "
                                       "must be integers.")
        return self.compute_output_spec(x1, x2)

    def compute_output_spec(self, x1, x2):
        shape = broadcast_shapes(self.shape_attr(x1), self.shape_attr(x2))
        return KerasTensor(shape, dtype=self.dtype_rule(x1, x2),
                           sparse=self.sparse_rule(x1, x2))


def _tensor_shape(x):
    """Operations that read ``x.shape`` directly (a Python number fails there, as in Keras)."""
    return x.shape


#: class name -> (function name, dtype rule, sparse rule, reads .shape directly)
BINARY = {
    "Add": ("add", _result, _both_sparse, False),
    "Subtract": ("subtract", _result, _both_sparse, False),
    "Multiply": ("multiply", _result, _either_sparse, False),
    "Divide": ("divide", _float_result, _numerator_sparse, False),
    "DivideNoNan": ("divide_no_nan", _float_result, _numerator_sparse, False),
    "TrueDivide": ("true_divide", _float_result, _numerator_sparse, False),
    "FloorDivide": ("floor_divide", _result, _not_sparse, False),
    "Mod": ("mod", _mod_result, _not_sparse, False),
    "Fmod": ("fmod", _mod_result, _not_sparse, False),
    "Power": ("power", _result, _not_sparse, False),
    "Maximum": ("maximum", _result, _both_sparse, False),
    "Minimum": ("minimum", _result, _both_sparse, False),
    "Fmax": ("fmax", _result, _both_sparse, False),
    "Fmin": ("fmin", _result, _both_sparse, False),
    "Arctan2": ("arctan2", _arctan2_result, _not_sparse, False),
    "Hypot": ("hypot", _floatish_result, _not_sparse, True),
    "Logaddexp": ("logaddexp", _float_result, _not_sparse, False),
    "Logaddexp2": ("logaddexp2", _float_result, _not_sparse, False),
    "Nextafter": ("nextafter", lambda a, b: _strict_result(a, b, float), _not_sparse, False),
    "Gcd": ("gcd", _strict_result, _not_sparse, False),
    "Lcm": ("lcm", _strict_result, _not_sparse, False),
    "Equal": ("equal", lambda a, b: "bool", _not_sparse, False),
    "NotEqual": ("not_equal", lambda a, b: "bool", _not_sparse, False),
    "Greater": ("greater", lambda a, b: "bool", _not_sparse, False),
    "GreaterEqual": ("greater_equal", lambda a, b: "bool", _not_sparse, False),
    "Less": ("less", lambda a, b: "bool", _not_sparse, False),
    "LessEqual": ("less_equal", lambda a, b: "bool", _not_sparse, False),
    "LogicalAnd": ("logical_and", lambda a, b: "bool", _not_sparse, False),
    "LogicalOr": ("logical_or", lambda a, b: "bool", _not_sparse, False),
    "LogicalXor": ("logical_xor", lambda a, b: "bool", _not_sparse, False),
}


def binary_function(fn_name, cls, namespace, module_all, params=("x1", "x2")):
    first, second = params
    if params == ("x1", "x2"):
        def function(x1, x2):
            return call(cls, (x1, x2))
    else:
        def function(x, y):
            return call(cls, (x, y))
    function.__name__ = function.__qualname__ = fn_name
    function.__doc__ = f"``keras.ops.{fn_name}({first}, {second})``."
    namespace[fn_name] = function
    module_all.append(fn_name)
    return function


for _cls_name, (_fn, _rule, _sparse_rule, _direct) in BINARY.items():
    _attrs = dict(dtype_rule=staticmethod(_rule), sparse_rule=staticmethod(_sparse_rule))
    if _cls_name in ("Gcd", "Lcm"):
        _attrs["concrete_accepts"] = ("int", "bool")
    if _direct:
        _attrs["shape_attr"] = staticmethod(_tensor_shape)
    binary_function(_fn, define(_cls_name, ElementwiseBinary, __all__, globals(), **_attrs),
                    globals(), __all__)


class Ldexp(ElementwiseBinary):
    dtype_rule = staticmethod(lambda a, b: _strict_result(a, b, float))

    def concrete_output_spec(self, x1, x2):
        dtype = standardize_dtype(dtype_of(x2))
        if "int" not in dtype:
            raise OpTypeError(f"ldexp exponent must be an integer type. Received: x2 "
                              f"dtype={dtype}")
        return self.compute_output_spec(x1, x2)


def ldexp(x1, x2):
    return call(Ldexp, (x1, x2))


class Heaviside(ElementwiseBinary):
    shape_attr = staticmethod(_tensor_shape)
    dtype_rule = staticmethod(_floatish_result)  # as hypot's


def heaviside(x1, x2):
    return call(Heaviside, (x1, x2))


class BitwiseAnd(Operation):
    """Keras's bitwise operations keep ``x``'s shape (no broadcasting in the rule)."""

    wraps_python_scalars = True
    jax_name = "and"
    jax_accepts = "integer, bool"

    def compute_output_spec(self, x, y):
        return KerasTensor(x.shape, dtype=result_type(x.dtype, y.dtype))

    def concrete_output_spec(self, x, y):
        for position, value in enumerate((x, y)):
            dtype = standardize_dtype(dtype_of(value))
            if not any(kind in dtype for kind in self.jax_accepts.replace("eger", "").split(", ")):
                raise OpTypeError(
                    f"{self.jax_name} does not accept dtype {dtype} at position {position}. "
                    f"Accepted dtypes at position {position} are subtypes of {self.jax_accepts}.")
        return self.compute_output_spec(x, y)


class BitwiseOr(BitwiseAnd):
    jax_name = "or"


class BitwiseXor(BitwiseAnd):
    jax_name = "xor"


class BitwiseLeftShift(BitwiseAnd):
    jax_name = "shift_left"
    jax_accepts = "integer"

    def compute_output_spec(self, x, y):
        dtype = x.dtype if isinstance(y, int) else result_type(x.dtype, y.dtype)
        return KerasTensor(x.shape, dtype=dtype)


class LeftShift(BitwiseLeftShift):
    pass


class BitwiseRightShift(BitwiseLeftShift):
    jax_name = "shift_right_arithmetic"


class RightShift(BitwiseRightShift):
    pass


__all__ += ["Ldexp", "ldexp", "Heaviside", "heaviside", "BitwiseAnd", "BitwiseOr", "BitwiseXor",
            "BitwiseLeftShift", "LeftShift", "BitwiseRightShift", "RightShift"]
for _cls, _fn in ((BitwiseAnd, "bitwise_and"), (BitwiseOr, "bitwise_or"),
                  (BitwiseXor, "bitwise_xor"), (BitwiseLeftShift, "bitwise_left_shift"),
                  (LeftShift, "left_shift"), (BitwiseRightShift, "bitwise_right_shift"),
                  (RightShift, "right_shift")):
    binary_function(_fn, _cls, globals(), __all__, params=("x", "y"))


class Isclose(Operation):
    def __init__(self, equal_nan=False, *, name=None):
        super().__init__(name=name)
        self.equal_nan = equal_nan

    def compute_output_spec(self, x1, x2, rtol=1e-05, atol=1e-08):
        return KerasTensor(broadcast_shapes(_shape_of(x1), _shape_of(x2)), dtype="bool")


def isclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    return call(Isclose, (x1, x2, rtol, atol), check=(x1, x2), equal_nan=equal_nan)


class AllClose(Operation):
    def __init__(self, rtol=1e-05, atol=1e-08, equal_nan=False, *, name=None):
        super().__init__(name=name)
        self.rtol, self.atol, self.equal_nan = rtol, atol, equal_nan

    def compute_output_spec(self, x1, x2):
        return KerasTensor((), dtype="bool")


def allclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    return call(AllClose, (x1, x2), rtol=rtol, atol=atol, equal_nan=equal_nan)


class IsIn(Operation):
    def __init__(self, assume_unique=False, invert=False, *, name=None):
        super().__init__(name=name)
        self.assume_unique, self.invert = assume_unique, invert

    def compute_output_spec(self, x1, x2):
        return KerasTensor(x1.shape, dtype="bool")


def isin(x1, x2, assume_unique=False, invert=False):
    return call(IsIn, (x1, x2), assume_unique=assume_unique, invert=invert)


__all__ += ["Isclose", "isclose", "AllClose", "allclose", "IsIn", "isin"]
