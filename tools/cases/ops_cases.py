"""Cases for ``keras.ops`` / ``keras.random`` (plain data, no Keras import).

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_ops.py
        -> tests/golden/ops/keras3_ops.json.gz (and tests/golden/ops/keras3_api.json)

Each case is an expression: ``T(*shape, dtype=..., sparse=...)`` is a symbolic tensor,
``C(*shape, dtype=...)`` a concrete array; ``ops``, ``random`` and ``keras`` are bound.
The fixture records what real Keras returns (shapes, dtypes, structure) or raises, and the
operations it records in the graph.
"""

CASES = []


def _add(case_id, code):
    CASES.append({"id": case_id, "code": code})


#: The dtypes of the promotion grids (Keras's ALLOWED_DTYPES less strings, complex, float8).
DTYPES = ["bool", "uint8", "uint16", "uint32", "int8", "int16", "int32", "int64",
          "bfloat16", "float16", "float32", "float64"]
#: A shorter list for the pairwise grids.
PAIR_DTYPES = ["bool", "uint8", "int8", "int16", "int32", "int64", "bfloat16", "float16",
               "float32", "float64"]
PYTHON_SCALARS = ["True", "2", "2.5"]

# ---------------------------------------------------------------------------
# elementwise, one tensor
# ---------------------------------------------------------------------------
UNARY = {
    "numpy": ["abs", "absolute", "angle", "arccos", "arccosh", "arcsin", "arcsinh", "arctan",
              "arctanh", "bitwise_invert", "bitwise_not", "cbrt", "ceil", "conj", "conjugate",
              "copy", "cos", "cosh", "deg2rad", "exp", "exp2", "expm1", "fabs", "floor", "i0",
              "imag", "isfinite", "isinf", "isnan", "isneginf", "isposinf", "isreal", "log",
              "log10", "log1p", "log2", "logical_not", "negative", "rad2deg", "real",
              "reciprocal", "round", "sign", "signbit", "sin", "sinc", "sinh", "sqrt", "square",
              "tan", "tanh", "trunc", "nan_to_num", "ravel", "sort", "argsort", "flip", "flipud",
              "corrcoef", "size", "ndim", "count_nonzero", "nonzero", "cumsum", "cumprod",
              "nancumsum", "nancumprod", "median", "nanmedian", "ptp", "trapezoid"],
    "nn": ["relu", "relu6", "sigmoid", "sparse_sigmoid", "softplus", "softsign", "soft_shrink",
           "sparse_plus", "silu", "swish", "squareplus", "log_sigmoid", "leaky_relu",
           "hard_sigmoid", "hard_silu", "hard_swish", "elu", "selu", "gelu", "celu",
           "tanh_shrink", "hard_tanh", "hard_shrink", "softmax", "log_softmax", "sparsemax",
           "glu", "normalize"],
    "math": ["rsqrt", "erf", "erfc", "erfinv"],
    "core": ["stop_gradient", "convert_to_tensor"],
}
for family, names in UNARY.items():
    for name in names:
        for dtype in DTYPES:
            _add(f"unary/{name}/{dtype}", f"ops.{name}(T(None, 4, dtype={dtype!r}))")
        _add(f"unary/{name}/rank0", f"ops.{name}(T(dtype='float32'))")
        _add(f"unary/{name}/rank3", f"ops.{name}(T(2, None, 6))")
        _add(f"unary/{name}/concrete", f"ops.{name}(C(2, 4))")
        _add(f"unary/{name}/concrete_int", f"ops.{name}(C(2, 4, dtype='int32'))")
        _add(f"unary/{name}/sparse", f"ops.{name}(T(3, 4, sparse=True))")
for name in ("tril", "triu", "fliplr", "diagonal", "trace", "diag", "diagflat"):
    for dtype in DTYPES:
        _add(f"unary/{name}/{dtype}", f"ops.{name}(T(3, 4, dtype={dtype!r}))")
    _add(f"unary/{name}/rank1", f"ops.{name}(T(5))")
    _add(f"unary/{name}/rank3", f"ops.{name}(T(2, None, 6))")
    _add(f"unary/{name}/unknown", f"ops.{name}(T(None, None))")
    _add(f"unary/{name}/concrete", f"ops.{name}(C(3, 4))")
for name in ("diag", "diagflat", "tril", "triu", "diagonal", "trace"):
    for k in (-2, 1, 5):
        arg = "offset" if name in ("diagonal", "trace") else "k"
        _add(f"unary/{name}/{arg}{k}", f"ops.{name}(T(3, 4), {arg}={k})")

# ---------------------------------------------------------------------------
# elementwise, two tensors: broadcasting and dtype promotion
# ---------------------------------------------------------------------------
BINARY = {
    "numpy": ["add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "mod",
              "fmod", "power", "maximum", "minimum", "fmax", "fmin", "arctan2", "hypot",
              "heaviside", "logaddexp", "logaddexp2", "ldexp", "nextafter", "gcd", "lcm",
              "equal", "not_equal", "greater", "greater_equal", "less", "less_equal",
              "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
              "bitwise_xor", "bitwise_left_shift", "bitwise_right_shift", "left_shift",
              "right_shift", "divide_no_nan", "isclose", "allclose", "isin", "kron", "outer",
              "inner", "vdot", "matmul", "dot", "append", "digitize"],
}
for name in BINARY["numpy"]:
    for a in PAIR_DTYPES:
        for b in PAIR_DTYPES:
            _add(f"binary/{name}/{a}-{b}",
                 f"ops.{name}(T(None, 3, dtype={a!r}), T(3, dtype={b!r}))")
        for s in PYTHON_SCALARS:
            _add(f"binary/{name}/{a}-py{s}", f"ops.{name}(T(2, 3, dtype={a!r}), {s})")
            _add(f"binary/{name}/py{s}-{a}", f"ops.{name}({s}, T(2, 3, dtype={a!r}))")
    _add(f"binary/{name}/broadcast", f"ops.{name}(T(None, 1, 3), T(4, 1))")
    _add(f"binary/{name}/broadcast_unknown", f"ops.{name}(T(None, 3), T(None, 1))")
    _add(f"binary/{name}/mismatch", f"ops.{name}(T(2, 3), T(4, 3))")
    _add(f"binary/{name}/rank0", f"ops.{name}(T(), T(5))")
    _add(f"binary/{name}/concrete", f"ops.{name}(C(2, 3), C(3))")
    _add(f"binary/{name}/concrete_int", f"ops.{name}(C(2, 3, dtype='int32'), 2)")
    _add(f"binary/{name}/mixed", f"ops.{name}(T(None, 3), C(3))")
    _add(f"binary/{name}/sparse", f"ops.{name}(T(2, 3, sparse=True), T(2, 3, sparse=True))")
    _add(f"binary/{name}/sparse_dense", f"ops.{name}(T(2, 3, sparse=True), T(2, 3))")
    _add(f"binary/{name}/list", f"ops.{name}(T(None, 3), [1.0, 2.0, 3.0])")
for name in ("matmul", "dot", "inner", "vdot", "outer", "kron", "tensordot", "cross"):
    for i, (a, b) in enumerate([((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((None, 2, 3), (3, 4)),
                                ((5, None, 2, 3), (1, 3, 4)), ((2, 3), (4, 5)), ((None, 3), (None, 3)),
                                ((4, 3), (4, 3)), ((2, 3, 4), (4, 3, 2)), ((), (3,))]):
        _add(f"product/{name}/{i}", f"ops.{name}(T{a}, T{b})".replace("T()", "T()").replace(",)", ")"))
for axes in ("0", "1", "2", "[[1], [0]]", "[[0, 1], [1, 0]]", "([2], [0])"):
    _add(f"product/tensordot/axes{axes}", f"ops.tensordot(T(2, 3, 4), T(4, 3, 2), axes={axes})")
for kw in ("axis=0", "axisa=0, axisb=0", "axisc=0", "axis=1"):
    _add(f"product/cross/{kw}", f"ops.cross(T(3, 5), T(3, 5), {kw})")
_add("product/cross/2d", "ops.cross(T(4, 2), T(4, 3))")
_add("product/cross/bad", "ops.cross(T(4, 4), T(4, 3))")
_add("product/matmul/int8", "ops.matmul(T(2, 3, dtype='int8'), T(3, 4, dtype='int8'))")
_add("product/einsum/int8", "ops.einsum('ij,jk->ik', T(2, 3, dtype='int8'), T(3, 4, dtype='int8'))")
for i, (eq, shapes) in enumerate([
        ("ij,jk->ik", [(None, 3), (3, 4)]), ("ij,jk", [(2, 3), (3, 4)]), ("ii", [(3, 3)]),
        ("ii->i", [(3, 3)]), ("ij->ji", [(None, 5)]), ("...ij,...jk->...ik", [(2, None, 3, 4), (4, 5)]),
        ("bij,bjk->bik", [(None, 3, 4), (None, 4, 5)]), ("i,i->", [(3,), (3,)]), ("i,j->ij", [(3,), (4,)]),
        ("abc,cd->abd", [(None, 7, 16), (16, 8)]), ("...d,dh->...h", [(None, 5, 16), (16, 4)]),
        ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]), ("bhqd,bhkd->bhqk", [(None, 2, 5, 8), (None, 2, 6, 8)]),
        ("ij->", [(2, 3)]), ("ij,ij->ij", [(2, 1), (1, 3)]), ("ab,bc->ac", [(2, 3), (4, 5)]),
        ("a->b", [(3,)]), ("ij,jk->ik", [(2, 3)])]):
    args = ", ".join(f"T{s}".replace(",)", ")") for s in shapes)
    _add(f"einsum/{i}", f"ops.einsum({eq!r}, {args})")
_add("einsum/dtypes", "ops.einsum('ij,jk->ik', T(2, 3, dtype='int32'), T(3, 4, dtype='float16'))")
_add("einsum/concrete", "ops.einsum('ij,jk->ik', C(2, 3), C(3, 4))")

# ---------------------------------------------------------------------------
# reductions
# ---------------------------------------------------------------------------
REDUCTIONS = ["sum", "mean", "max", "min", "prod", "std", "var", "any", "all", "amax", "amin",
              "argmax", "argmin", "median", "nanmax", "nanmean", "nanmin", "nanprod", "nansum",
              "nanstd", "nanvar", "nanmedian", "nanargmax", "nanargmin", "logsumexp", "ptp",
              "count_nonzero"]
AXES = ["None", "0", "1", "-1", "(0, 2)", "[1, 2]", "(-1, 0)", "3"]
for name in REDUCTIONS:
    for axis in AXES:
        _add(f"reduce/{name}/axis{axis}", f"ops.{name}(T(None, 4, 5), axis={axis})")
        if name != "count_nonzero":
            _add(f"reduce/{name}/axis{axis}_keepdims",
                 f"ops.{name}(T(None, 4, 5), axis={axis}, keepdims=True)")
    for dtype in DTYPES:
        _add(f"reduce/{name}/{dtype}", f"ops.{name}(T(None, 4, dtype={dtype!r}), axis=-1)")
    _add(f"reduce/{name}/concrete", f"ops.{name}(C(3, 4), axis=0)")
    _add(f"reduce/{name}/concrete_all", f"ops.{name}(C(3, 4))")
for name in ("max", "min"):
    _add(f"reduce/{name}/initial", f"ops.{name}(T(None, 4), axis=1, initial=0.0)")
_add("reduce/prod/dtype", "ops.prod(T(None, 4), axis=1, dtype='int32')")
_add("reduce/argmax/tuple_axis", "ops.argmax(T(2, 3, 4), axis=(0, 1))")
for name in ("cumsum", "cumprod", "nancumsum", "nancumprod"):
    for kw in ("axis=0", "axis=-1", "axis=None", "axis=1, dtype='int32'", "axis=5",
               "dtype='bool'"):
        _add(f"cumulative/{name}/{kw}", f"ops.{name}(T(None, 4), {kw})")
    _add(f"cumulative/{name}/known", f"ops.{name}(T(3, 4))")
for name in ("average",):
    for kw in ("", "axis=0", "axis=1", "axis=-1"):
        _add(f"average/{kw or 'none'}", f"ops.average(T(3, 4), {kw})")
    _add("average/weights", "ops.average(T(3, 4), axis=1, weights=T(4))")
    _add("average/weights_full", "ops.average(T(3, 4), weights=T(3, 4))")
    _add("average/weights_bad", "ops.average(T(3, 4), weights=T(4))")
    _add("average/int", "ops.average(T(3, 4, dtype='int32'), axis=1)")
    _add("average/float16_weights", "ops.average(T(3, 4, dtype='float16'), axis=1, weights=T(4, dtype='int32'))")
for name in ("percentile", "quantile", "nanpercentile", "nanquantile"):
    for q in ("50", "[25, 75]", "0.5", "[0.5]", "T(3)", "T()"):
        _add(f"quantiles/{name}/q{q}", f"ops.{name}(T(None, 4), {q}, axis=1)")
    _add(f"quantiles/{name}/keepdims", f"ops.{name}(T(None, 4), 0.5, axis=1, keepdims=True)")
    _add(f"quantiles/{name}/all", f"ops.{name}(T(2, 4), 0.5)")
    for dtype in ("int32", "int64", "float16", "bool"):
        _add(f"quantiles/{name}/{dtype}", f"ops.{name}(T(2, 4, dtype={dtype!r}), 0.5, axis=1)")
for dtype in DTYPES:
    _add(f"trapezoid/{dtype}", f"ops.trapezoid(T(3, 4, dtype={dtype!r}))")
_add("trapezoid/axis0", "ops.trapezoid(T(3, 4), axis=0)")
_add("trapezoid/x", "ops.trapezoid(T(3, 4), x=T(4))")
_add("moments/axes", "ops.moments(T(None, 4, 5), axes=[1])")
_add("moments/keepdims", "ops.moments(T(None, 4, 5), axes=(0, 2), keepdims=True)")
_add("moments/float16", "ops.moments(T(None, 4, dtype='float16'), axes=[0])")
_add("moments/concrete", "ops.moments(C(3, 4), axes=[0])")

# ---------------------------------------------------------------------------
# shapes: reshape, transpose, concatenate, split, pad, ...
# ---------------------------------------------------------------------------
for i, (shape, new) in enumerate([
        ((None, 6), (-1, 2)), ((None, 6), (None, 3, 2)), ((2, 6), (-1, 4)), ((2, 6), (3, 4)),
        ((2, 6), (5, 4)), ((2, 6), (-1, 5)), ((2, 6), (-1, -1)), ((2, 6), (12,)), ((2, 6), 12),
        ((2, 6), -1), ((None, 4, 5), (-1, 20)), ((3, 4), (-2, 6)), ((3, 4), [2, 6]),
        ((None, 8), (-1, 0)), ((0, 4), (-1, 2)), ((2, 6), (2, 0))]):
    _add(f"reshape/{i}", f"ops.reshape(T{shape}, {new!r})".replace(",)", ")"))
_add("reshape/tensor_shape", "ops.reshape(T(2, 6), T(3, dtype='int32'))")
_add("reshape/concrete", "ops.reshape(C(2, 6), (3, 4))")
_add("reshape/sparse", "ops.reshape(T(2, 6, sparse=True), (3, 4))")
for i, (shape, axes) in enumerate([((2, 3, 4), None), ((2, 3, 4), (0, 2, 1)), ((None, 3, 4), (2, 0, 1)),
                                   ((2, 3), (1, 0, 2)), ((2, 3), (0, 0)), ((2, 3), (0, 2)),
                                   ((2, 3, 4), (-1, 0, 1)), ((5,), None)]):
    _add(f"transpose/{i}", f"ops.transpose(T{shape}, axes={axes!r})".replace(",)", ")"))
for i, axis in enumerate([0, 1, -1, 3, -4, 4, (0, 1), [0, 3], (1, 1), None]):
    _add(f"expand_dims/{i}", f"ops.expand_dims(T(None, 2, 3), axis={axis!r})")
for i, (shape, axis) in enumerate([((None, 1, 3), None), ((None, 1, 3), 1), ((None, 1, 3), -2),
                                   ((None, 1, 3), 2), ((1, 1, 1), (0, 2)), ((None, 1, 3), 0),
                                   ((None, None), None), ((2, 1), [1]), ((2, 1), 5)]):
    _add(f"squeeze/{i}", f"ops.squeeze(T{shape}, axis={axis!r})".replace(",)", ")"))
for i, (shapes, axis) in enumerate([([(None, 2), (None, 3)], -1), ([(2, 3), (4, 3)], 0),
                                    ([(None, 2), (5, 3)], 1), ([(2, 3), (2, 4)], 0),
                                    ([(2, 3), (2, 3, 1)], 0), ([(None, 3), (None, 3)], 0),
                                    ([(2, 3)], 1), ([(2, 3), (2, 3)], 2), ([(2, 3), (2, 3)], None)]):
    args = ", ".join(f"T{s}" for s in shapes)
    _add(f"concatenate/{i}", f"ops.concatenate([{args}], axis={axis!r})")
_add("concatenate/dtypes", "ops.concatenate([T(2, 3, dtype='int32'), T(2, 3, dtype='float16')], axis=0)")
_add("concatenate/mixed", "ops.concatenate([T(None, 3), C(1, 3)])")
_add("concatenate/concrete", "ops.concatenate([C(2, 3), C(4, 3)])")
_add("concatenate/sparse", "ops.concatenate([T(2, 3, sparse=True), T(2, 3, sparse=True)], axis=1)")
for i, (shapes, axis) in enumerate([([(None, 2), (None, 2)], 0), ([(None, 2), (None, 2)], -1),
                                    ([(None, 2), (None, 2)], 1), ([(2, 3), (2, 4)], 0),
                                    ([(2, 3), (None, 3), (2, None)], 2), ([(2, 3)], 3)]):
    args = ", ".join(f"T{s}" for s in shapes)
    _add(f"stack/{i}", f"ops.stack([{args}], axis={axis})")
_add("stack/dtypes", "ops.stack([T(2, dtype='int8'), T(2, dtype='uint8')])")
for name, shape in (("hstack", (2, 3)), ("vstack", (2, 3)), ("dstack", (2, 3))):
    _add(f"{name}/two", f"ops.{name}([T{shape}, T{shape}])")
    _add(f"{name}/unknown", f"ops.{name}([T(None, 3), T(None, 3)])")
    _add(f"{name}/rank1", f"ops.{name}([T(3), T(3)])")
    _add(f"{name}/rank3", f"ops.{name}([T(2, 3, 4), T(2, 3, 4)])")
    _add(f"{name}/mismatch", f"ops.{name}([T(2, 3), T(5, 7)])")
    _add(f"{name}/dtypes", f"ops.{name}([T(2, 3, dtype='int32'), T(2, 3, dtype='float32')])")
for name in ("split", "array_split"):
    for i, (shape, sections, axis) in enumerate([
            ((None, 6), 3, 1), ((None, 6), 4, 1), ((6, None), 2, 0), ((None, 7), 3, -1),
            ((None, 6), [1, 4], 1), ((None, 6), [2], -1), ((None, 6), 3, 0), ((None, 6), 2, 5)]):
        _add(f"{name}/{i}", f"ops.{name}(T{shape}, {sections!r}, axis={axis})")
for name in ("hsplit", "vsplit", "dsplit"):
    for i, (shape, sections) in enumerate([((4, 6, 8), 2), ((4, 6, 8), [1, 3]), ((4,), 2),
                                           ((None, None, None), 2), ((4, 6), 2), ((3, 5, 7), 2)]):
        _add(f"{name}/{i}", f"ops.{name}(T{shape}, {sections!r})".replace(",)", ")"))
for i, (shape, reps) in enumerate([((None, 3), 2), ((None, 3), (1, 2)), ((2, 3), (2, 1, 3)),
                                   ((2, 3, 4), (2,)), ((None,), [3, 2])]):
    _add(f"tile/{i}", f"ops.tile(T{shape}, {reps!r})".replace(",)", ")"))
for i, (shape, reps, axis) in enumerate([((None, 3), 2, 1), ((None, 3), 2, None), ((2, 3), 2, None),
                                         ((2, 3), [1, 2, 3], 1), ((2, 3), [1, 2], 1),
                                         ((2, 3), [1, 2, 3, 4, 5, 6], None), ((None, 3), 2, 0),
                                         ((2, 3), [1, 2], 0)]):
    _add(f"repeat/{i}", f"ops.repeat(T{shape}, {reps!r}, axis={axis!r})")
for i, (shape, pad) in enumerate([((None, 3), [[0, 0], [1, 2]]), ((2, 3), 1), ((2, 3), (1, 2)),
                                  ((2, 3), [[1], [2]]), ((2, 3), [[1, 1]]), ((2, 3, 4), [[1, 1], [2, 2]]),
                                  ((2, 3), ((1, 2), (3, 4)))]):
    _add(f"pad/{i}", f"ops.pad(T{shape}, {pad!r})")
_add("pad/mode", "ops.pad(T(None, 3), [[0, 0], [1, 1]], mode='reflect')")
_add("pad/constant", "ops.pad(T(None, 3), [[0, 0], [1, 1]], constant_values=1.0)")
_add("pad/concrete", "ops.pad(C(2, 3), 1)")
for i, (shape, target) in enumerate([((3,), (2, 3)), ((1, 3), (4, 3)), ((None, 3), (4, 3)),
                                     ((2, 3), (4, 3)), ((3,), (None, 3)), ((3,), [2, 2, 3])]):
    _add(f"broadcast_to/{i}", f"ops.broadcast_to(T{shape}, {target!r})".replace(",)", ")"))
for i, (src, dst) in enumerate([(0, -1), (-1, 0), ((0, 1), (2, 0)), (0, 5), ((0, 1), 2)]):
    _add(f"moveaxis/{i}", f"ops.moveaxis(T(None, 3, 4), {src!r}, {dst!r})")
for i, (a, b) in enumerate([(0, 2), (1, -1), (0, 3)]):
    _add(f"swapaxes/{i}", f"ops.swapaxes(T(None, 3, 4), {a}, {b})")
for kw in ("1", "2, axis=1", "(1, 2), axis=(0, 1)", "1, axis=5"):
    _add(f"roll/{kw}", f"ops.roll(T(None, 3, 4), {kw})")
for kw in ("", "axis=1", "axis=(0, 2)", "axis=7"):
    _add(f"flip/{kw or 'none'}", f"ops.flip(T(None, 3, 4), {kw})")
for kw in ("", "k=2", "axes=(1, 2)", "axes=(0, 0)", "axes=(0, 1, 2)"):
    _add(f"rot90/{kw or 'none'}", f"ops.rot90(T(2, 3, 4), {kw})")
_add("rot90/rank1", "ops.rot90(T(3))")
for i, (x, idx, axis) in enumerate([((None, 5), "T(3, dtype='int32')", 1), ((None, 5), "[0, 2]", 1),
                                    ((None, 5), "T(3, dtype='int32')", None), ((4, 5), "2", 0),
                                    ((4, 5), "T(2, 3, dtype='int32')", 0), ((4, 5), "[[0, 1], [2, 3]]", -1),
                                    ((4, 5), "T(2, dtype='int32')", 2)]):
    _add(f"take/{i}", f"ops.take(T{x}, {idx}, axis={axis!r})")
for i, (x, idx, axis) in enumerate([((None, 5), (None, 2), 1), ((4, 5), (4, 1), 0), ((4, 5), (4, 5), None),
                                    ((4, 5), (2, 1), 1), ((4, 5), (3,), 0), ((4, 5), (1, 2), -1)]):
    _add(f"take_along_axis/{i}", f"ops.take_along_axis(T{x}, T{idx}, axis={axis!r})".replace(",)", ")").replace("T(3)", "T(3, dtype='int32')"))
for i, key in enumerate(["0", "-1", "(slice(None), 0)", "(Ellipsis, 1)", "(None, slice(1, 3))",
                         "(slice(None, None, 2),)", "(0, 0, 0)", "(0, 0, 0, 0)", "5", "(Ellipsis, None)",
                         "(Ellipsis, Ellipsis)", "[0, 1]", "(1, slice(None), None, 2)", "slice(1, None)"]):
    _add(f"get_item/{i}", f"ops.get_item(T(4, None, 3), {key})")
    _add(f"getitem_operator/{i}", f"T(4, None, 3)[{key}]")
_add("get_item/concrete", "ops.get_item(C(4, 3), 0)")
for i, (shape, start, size) in enumerate([((None, 5), [0, 1], [2, 3]), ((4, 5), [1, 1], [-1, 2]),
                                          ((None, 5), [1, 1], [-1, -1]), ((4, 5), "T(2, dtype='int32')", [-1, 2]),
                                          ((4, 5), [1], [2, 2]), ((4, 5), [1, 1], [2])]):
    _add(f"slice/{i}", f"ops.slice(T{shape}, {start if isinstance(start, str) else repr(start)}, {size!r})")
_add("slice_update/0", "ops.slice_update(T(4, 5), [1, 1], T(2, 2))")
_add("scatter/0", "ops.scatter(T(3, 2, dtype='int32'), T(3), (4, 5))")
_add("scatter/int", "ops.scatter(T(3, 2, dtype='int32'), T(3, dtype='int32'), (4, 5))")
_add("scatter_update/0", "ops.scatter_update(T(4, 5), T(3, 2, dtype='int32'), T(3))")
_add("scatter_update/reduction", "ops.scatter_update(T(4, 5), T(3, 2, dtype='int32'), T(3), reduction='add')")
_add("scatter_update/bad_reduction", "ops.scatter_update(T(4, 5), T(3, 2, dtype='int32'), T(3), reduction='mean')")
for i, (shape, kw) in enumerate([((None, 3, 4), ""), ((2, 3, 4), "axis=1"), ((2, None), "axis=1"),
                                 ((2, None), "num=3, axis=1"), ((2, 3), "axis=-1")]):
    _add(f"unstack/{i}", f"ops.unstack(T{shape}, {kw})")
for i, (shapes, kw) in enumerate([([(3,), (4,)], ""), ([(3,), (4,)], "indexing='ij'"),
                                  ([(3,), (4,), (5,)], ""), ([(None,), (4,)], ""),
                                  ([(2, 3), (4,)], ""), ([(3,), (4,)], "indexing='bad'"),
                                  ([(3,), (4,)], "indexing='xy'")]):
    args = ", ".join(f"T{s}".replace(",)", ")") for s in shapes)
    _add(f"meshgrid/{i}", f"ops.meshgrid({args}{', ' if kw else ''}{kw})")
_add("meshgrid/dtypes", "ops.meshgrid(T(3, dtype='int32'), T(4, dtype='float16'), indexing='ij')")
for i, (cond, a, b) in enumerate([("T(None, 3, dtype='bool')", "T(None, 3)", "T(3)"),
                                  ("T(None, 3, dtype='bool')", "1.0", "T(None, 3, dtype='int32')"),
                                  ("T(None, 3, dtype='bool')", "1", "2"),
                                  ("T(None, 3, dtype='bool')", "None", "None"),
                                  ("T(None, 3, dtype='bool')", "T(3)", "None"),
                                  ("T(2, 3, dtype='bool')", "T(4, 3)", "T(3)"),
                                  ("T(2, 3, dtype='bool')", "T(2, 3, dtype='int8')", "T(2, 3, dtype='uint8')"),
                                  ("C(2, 3, dtype='bool')", "T(2, 3)", "0.0")]):
    _add(f"where/{i}", f"ops.where({cond}, {a}, {b})")
_add("select/0", "ops.select([T(None, 3, dtype='bool'), T(None, 3, dtype='bool')], [T(None, 3), T(None, 3)])")
_add("select/default", "ops.select([T(2, 3, dtype='bool')], [T(2, 3, dtype='int32')], default=1.5)")
_add("select/empty", "ops.select([], [])")
_add("select/not_list", "ops.select(T(2, 3, dtype='bool'), T(2, 3))")
for i, (x, kw) in enumerate([("T(None, 3)", "x_min=0, x_max=1"), ("T(None, 3, dtype='bool')", "x_min=0, x_max=1"),
                             ("T(None, 3, dtype='int8')", "x_min=0.5, x_max=1"), ("T(2, 3)", "x_min=T(3), x_max=1")]):
    _add(f"clip/{i}", f"ops.clip({x}, {kw})")
for dtype in DTYPES:
    _add(f"clip/{dtype}", f"ops.clip(T(2, 3, dtype={dtype!r}), 0, 1)")

# ---------------------------------------------------------------------------
# creation, casting, conversion
# ---------------------------------------------------------------------------
for name in ("ones", "zeros", "empty"):
    for shape, dtype in (("(3, 2)", None), ("3", None), ("(2,)", "'int32'"), ("(2, 0)", "'bool'"),
                         ("[4, 5]", "'float16'"), ("()", None), ("(2, 3)", "'float64'")):
        _add(f"create/{name}/{shape}-{dtype}", f"ops.{name}({shape}, dtype={dtype})")
for name in ("ones_like", "zeros_like", "empty_like"):
    for dtype in (None, "'int32'", "'bool'", "'float16'"):
        _add(f"like/{name}/{dtype}", f"ops.{name}(T(None, 3, dtype='int8'), dtype={dtype})")
    _add(f"like/{name}/sparse", f"ops.{name}(T(2, 3, sparse=True))")
    _add(f"like/{name}/concrete", f"ops.{name}(C(2, 3))")
for fill in ("1", "1.5", "True", "T()", "T(dtype='int32')"):
    _add(f"create/full/{fill}", f"ops.full((2, 3), {fill})")
    _add(f"like/full_like/{fill}", f"ops.full_like(T(None, 3, dtype='int8'), {fill})")
_add("create/full/dtype", "ops.full((2, 3), 1, dtype='int32')")
_add("like/full_like/dtype", "ops.full_like(T(None, 3), 1, dtype='int32')")
for args in ("5", "2, 10", "2, 10, 3", "0, 1, 0.25", "5, dtype='float32'", "10, 2, -2",
             "T(dtype='int32')", "0, T(dtype='int32')", "T(dtype='float32'), 10", "2.5", "0, 5, 1, 'int8'"):
    _add(f"create/arange/{args}", f"ops.arange({args})")
for name in ("linspace", "logspace", "geomspace"):
    for args in ("1, 10", "1, 10, num=5", "1.0, 10.0, num=4, endpoint=False",
                 "1, 10, num=5, dtype='float16'", "T(3), T(3), num=4", "T(3), T(3), num=4, axis=1",
                 "T(2, 3), 10.0, num=6, axis=-1", "1, T(3, dtype='int32'), num=2",
                 "T(3), 10, num=4, dtype='int32'"):
        _add(f"create/{name}/{args}", f"ops.{name}({args})")
_add("create/linspace/retstep", "ops.linspace(T(3), T(3), num=4, retstep=True)")
_add("create/linspace/retstep_concrete", "ops.linspace(0, 1, num=5, retstep=True)")
for name in ("eye", "tri"):
    for args in ("3", "3, 4", "3, 4, 1", "3, dtype='int32'", "3.0", "3, 4.0", "0"):
        _add(f"create/{name}/{args}", f"ops.{name}({args})")
for args in ("3", "3, dtype='int32'", "0"):
    _add(f"create/identity/{args}", f"ops.identity({args})")
for name in ("bartlett", "blackman", "hamming", "hanning"):
    _add(f"window/{name}/5", f"ops.{name}(5)")
    _add(f"window/{name}/symbolic", f"ops.{name}(T(dtype='int32'))")
_add("window/kaiser/5", "ops.kaiser(5, 0.5)")
_add("window/kaiser/symbolic", "ops.kaiser(T(dtype='int32'), 0.5)")
for src in DTYPES:
    for dst in ("bool", "int8", "uint8", "int32", "float16", "float32", "float64", "bfloat16"):
        _add(f"cast/{src}-{dst}", f"ops.cast(T(None, 3, dtype={src!r}), {dst!r})")
for dst in ("'float'", "'int'", "float", "int", "bool", "'string'", "'float8_e4m3fn'", "'complex64'",
            "'int4'", "'bad'"):
    _add(f"cast/spelled/{dst}", f"ops.cast(T(None, 3), {dst})")
_add("cast/concrete", "ops.cast(C(2, 3), 'int32')")
_add("cast/python_int", "ops.cast(3, 'float32')")
_add("cast/list", "ops.cast([1, 2, 3], 'float16')")
for dst in ("int8", "uint8", "float16", "int32"):
    _add(f"saturate_cast/{dst}", f"ops.saturate_cast(T(None, 3), {dst!r})")
_add("saturate_cast/concrete", "ops.saturate_cast(C(2, 3), 'uint8')")
for value in ("[1, 2, 3]", "[1.0, 2.0]", "[[1, 2], [3, 4]]", "[True, False]", "3", "2.5", "True",
              "[1, 2.5]", "[]", "C(2, 3)", "C(2, 3, dtype='int64')", "C(2, 3, dtype='float64')",
              "T(None, 3)", "[T(3), T(3)]", "(1, 2)"):
    _add(f"convert_to_tensor/{value}", f"ops.convert_to_tensor({value})")
for value in ("[1, 2, 3]", "C(2, 3)", "T(None, 3)", "2.5"):
    for dtype in ("'float16'", "'int32'", "'bool'"):
        _add(f"convert_to_tensor/{value}-{dtype}", f"ops.convert_to_tensor({value}, dtype={dtype})")
_add("convert_to_tensor/sparse_false", "ops.convert_to_tensor(T(2, 3, sparse=True), sparse=False)")
for value in ("[1, 2, 3]", "T(None, 3)", "C(2, 3)"):
    _add(f"array/{value}", f"ops.array({value})")
    _add(f"array/{value}-int8", f"ops.array({value}, dtype='int8')")
for src, dst in (("float32", "int32"), ("float32", "float16"), ("float16", "float32"), ("int8", "int32"),
                 ("int32", "uint8"), ("float32", None), ("bool", "int8")):
    _add(f"view/{src}-{dst}", f"ops.view(T(None, 4, dtype={src!r}), dtype={dst!r})")
    _add(f"view/{src}-{dst}-known", f"ops.view(T(2, 6, dtype={src!r}), dtype={dst!r})")
_add("view/scalar", "ops.view(T(dtype='float32'), dtype='float16')")
_add("view/odd", "ops.view(T(2, 3, dtype='float16'), dtype='float32')")
for value in ("T(None, 3)", "C(2, 3)", "3", "[1, 2]", "T(2, 3, dtype='int8')"):
    _add(f"query/shape/{value}", f"ops.shape({value})")
    _add(f"query/dtype/{value}", f"ops.dtype({value})")
    _add(f"query/is_tensor/{value}", f"ops.is_tensor({value})")
    _add(f"query/ndim/{value}", f"ops.ndim({value})")
    _add(f"query/size/{value}", f"ops.size({value})")
_add("query/convert_to_numpy/concrete", "ops.convert_to_numpy(C(2, 3))")
_add("query/convert_to_numpy/symbolic", "ops.convert_to_numpy(T(2, 3))")

# ---------------------------------------------------------------------------
# sorting, searching, counting
# ---------------------------------------------------------------------------
for name in ("sort", "argsort"):
    for axis in ("-1", "0", "None", "3"):
        _add(f"sorting/{name}/axis{axis}", f"ops.{name}(T(None, 4), axis={axis})")
        _add(f"sorting/{name}/known_axis{axis}", f"ops.{name}(T(3, 4), axis={axis})")
for kw in ("1", "1, axis=0", "1, axis=None", "2.5"):
    _add(f"sorting/argpartition/{kw}", f"ops.argpartition(T(3, 4), {kw})")
for kw in ("2", "2, sorted=False", "T(dtype='int32')"):
    _add(f"sorting/top_k/{kw}", f"ops.top_k(T(None, 5), {kw})")
_add("sorting/top_k/int", "ops.top_k(T(None, 5, dtype='int32'), 2)")
_add("sorting/in_top_k/0", "ops.in_top_k(T(None, dtype='int32'), T(None, 5), 2)")
_add("sorting/searchsorted/0", "ops.searchsorted(T(5), T(None, 3))")
_add("sorting/searchsorted/right", "ops.searchsorted(T(5, dtype='int32'), T(3, dtype='int32'), side='right')")
_add("sorting/searchsorted/2d", "ops.searchsorted(T(2, 5), T(3))")
_add("sorting/searchsorted/unknown", "ops.searchsorted(T(None), T(3))")
_add("sorting/digitize/0", "ops.digitize(T(None, 3), T(4))")
_add("sorting/digitize/2d_bins", "ops.digitize(T(None, 3), T(2, 4))")
for kw in ("", "minlength=5", "weights=T(None, dtype='float32')", "sparse=True"):
    _add(f"sorting/bincount/{kw or 'none'}", f"ops.bincount(T(None, dtype='int32'){', ' if kw else ''}{kw})")
_add("sorting/bincount/2d", "ops.bincount(T(2, 5, dtype='int32'))")
for kw in ("", "bins=5", "bins=5, range=(0, 1)", "bins=-1", "bins=2.5", "range=[0, 1]", "range=(1, 0)"):
    _add(f"sorting/histogram/{kw or 'none'}", f"ops.histogram(T(10){', ' if kw else ''}{kw})")
for kw in ("", "return_index=True", "return_inverse=True", "return_counts=True",
           "return_index=True, return_inverse=True, return_counts=True", "axis=0", "axis=1, return_inverse=True",
           "size=4", "size=4, return_counts=True", "sorted=False"):
    _add(f"sorting/unique/{kw or 'none'}", f"ops.unique(T(5, 3){', ' if kw else ''}{kw})")
_add("sorting/nonzero/concrete", "ops.nonzero(C(2, 3))")
_add("sorting/unique/concrete", "ops.unique(C(4))")
for kw in ("T(3, dtype='int32'), (2, 3)", "T(None, dtype='int32'), (2, 3)", "5, (2, 3)",
           "T(3, dtype='int32'), (None, 3)", "T(2, 2, dtype='int64'), (4, 5, 6)"):
    _add(f"sorting/unravel_index/{kw}", f"ops.unravel_index({kw})")
for kw in ("", "N=3", "increasing=True", "N=-1", "N=2.5", "increasing=1"):
    _add(f"vander/{kw or 'none'}", f"ops.vander(T(4){', ' if kw else ''}{kw})")
_add("vander/2d", "ops.vander(T(4, 2))")
_add("vander/unknown", "ops.vander(T(None))")
for mode in ("valid", "same", "full", "bad"):
    _add(f"correlate/{mode}", f"ops.correlate(T(5), T(3), mode={mode!r})")
_add("correlate/int", "ops.correlate(T(5, dtype='int32'), T(3, dtype='int32'))")
_add("correlate/int64", "ops.correlate(T(5, dtype='int64'), T(3, dtype='int8'))")
_add("correlate/2d", "ops.correlate(T(5, 2), T(3))")
_add("correlate/float16", "ops.correlate(T(5, dtype='float16'), T(3, dtype='float16'))")
_add("slogdet/0", "ops.slogdet(T(None, 3, 3))")
_add("slogdet/int", "ops.slogdet(T(3, 3, dtype='int32'))")

# ---------------------------------------------------------------------------
# nn
# ---------------------------------------------------------------------------
for i, (x, k, kw) in enumerate([
        ((None, 28, 28, 3), (3, 3, 3, 8), ""), ((None, 28, 28, 3), (3, 3, 3, 8), "strides=2, padding='same'"),
        ((None, 28, 28, 3), (5, 5, 3, 8), "dilation_rate=2"), ((None, 10, 4), (3, 4, 6), "padding='causal'"),
        ((2, 3, 16, 16), (3, 3, 3, 4), "data_format='channels_first'"),
        ((None, 8, 8, 8, 2), (2, 2, 2, 2, 4), "strides=(1, 2, 2)"), ((None, 5, 5, 3), (7, 7, 3, 8), ""),
        ((None, 28, 28, 3), (3, 3, 4, 8), ""), ((None, None, None, 3), (3, 3, 3, 8), "padding='SAME'"),
        ((None, 28, 28, 3), (3, 3, 3, 8), "padding='bad'"), ((None, 28, 28, 3), (3, 3, 8), ""),
        ((None, 28, 28, 3), (3, 3, 3, 8), "dilation_rate=(1, 2, 3)")]):
    _add(f"nn/conv/{i}", f"ops.conv(T{x}, T{k}{', ' if kw else ''}{kw})")
_add("nn/conv/float16", "ops.conv(T(None, 8, 8, 3, dtype='float16'), T(3, 3, 3, 4))")
_add("nn/conv/concrete_kernel", "ops.conv(T(None, 8, 8, 3), C(3, 3, 3, 4))")
for i, (x, k, kw) in enumerate([((None, 28, 28, 3), (3, 3, 3, 2), ""),
                                ((None, 28, 28, 3), (3, 3, 3, 1), "strides=2, padding='same'"),
                                ((None, 3, 28, 28), (3, 3, 3, 2), "data_format='channels_first'"),
                                ((None, 10, 4), (3, 4, 2), ""), ((None, 28, 28, 3), (3, 3, 5, 1), "")]):
    _add(f"nn/depthwise_conv/{i}", f"ops.depthwise_conv(T{x}, T{k}{', ' if kw else ''}{kw})")
    pointwise = (1,) * (len(k) - 2) + (k[-2] * k[-1], 7)
    _add(f"nn/separable_conv/{i}",
         f"ops.separable_conv(T{x}, T{k}, T{pointwise}{', ' if kw else ''}{kw})")
for i, (x, k, kw) in enumerate([((None, 7, 7, 8), (3, 3, 4, 8), ""),
                                ((None, 7, 7, 8), (3, 3, 4, 8), "strides=2, padding='same'"),
                                ((None, 7, 7, 8), (3, 3, 4, 8), "strides=2, output_padding=1"),
                                ((None, 8, 7, 7), (3, 3, 4, 8), "data_format='channels_first'"),
                                ((None, 10, 8), (5, 4, 8), "strides=3"), ((None, 7, 7, 8), (3, 3, 4, 5), ""),
                                ((None, None, 7, 8), (3, 3, 4, 8), "dilation_rate=2")]):
    _add(f"nn/conv_transpose/{i}", f"ops.conv_transpose(T{x}, T{k}{', ' if kw else ''}{kw})")
for name in ("max_pool", "average_pool"):
    for i, (x, kw) in enumerate([((None, 28, 28, 3), "2"), ((None, 28, 28, 3), "(3, 3), strides=2"),
                                 ((None, 28, 28, 3), "3, padding='same'"), ((None, 10, 4), "2"),
                                 ((None, 3, 28, 28), "2, data_format='channels_first'"),
                                 ((None, 4, 4, 3), "5"), ((None, None, 28, 3), "2, strides=(1, 2)"),
                                 ((None, 8, 8, 8, 2), "2"), ((None, 28, 28, 3), "2, padding='SAME'")]):
        _add(f"nn/{name}/{i}", f"ops.{name}(T{x}, {kw})")
for name in ("adaptive_max_pool", "adaptive_average_pool"):
    for i, (x, kw) in enumerate([((None, 28, 28, 3), "(4, 4)"), ((None, 3, 28, 28), "(2, 3), data_format='channels_first'"),
                                 ((None, 10, 4), "(5,)"), ((None, 8, 8, 8, 2), "(2, 2, 2)"), ((None, 28, 28, 3), "4")]):
        _add(f"nn/{name}/{i}", f"ops.{name}(T{x}, {kw})")
for i, args in enumerate(["T(None, 5), 7", "T(None, 5), 7, axis=1", "T(None, 5), 7, axis=0",
                          "T(None, 5), 7, axis=2", "T(None, 5), 7, dtype='int32'", "T(None, 5), 7, sparse=True",
                          "T(None, 5, dtype='float32'), 3", "C(4, dtype='int32'), 5", "T(), 4"]):
    _add(f"nn/one_hot/{i}", f"ops.one_hot({args})")
for i, args in enumerate(["T(None, 5, dtype='int32'), 7", "T(None, 5, dtype='int32'), 7, axis=1",
                          "T(5, dtype='int32'), 7", "T(None, 5), num_classes=None", "T(2, 3, 4, dtype='int32'), 7",
                          "T(None, 5, dtype='int32'), num_tokens=3", "T(None, 5, dtype='int32'), 7, dtype='int32'"]):
    _add(f"nn/multi_hot/{i}", f"ops.multi_hot({args})")
for name in ("binary_crossentropy", "categorical_crossentropy"):
    for i, (t, o) in enumerate([((None, 3), (None, 3)), ((None, 3), (5, 3)), ((2, 3), (2, 4)), ((), ()),
                                ((None, 4, 3), (None, 4, 3))]):
        _add(f"nn/{name}/{i}", f"ops.{name}(T{t}, T{o})")
    _add(f"nn/{name}/float16", f"ops.{name}(T(None, 3), T(None, 3, dtype='float16'), from_logits=True)")
for i, (t, o, kw) in enumerate([((None,), (None, 3), ""), ((None, 1), (None, 3), ""), ((2, 4), (2, 4, 3), ""),
                                ((None,), (None, 3, 4), "axis=1"), ((5,), (4, 3), ""), ((None,), (), "")]):
    _add(f"nn/sparse_categorical_crossentropy/{i}",
         f"ops.sparse_categorical_crossentropy(T{t}, T{o}{', ' if kw else ''}{kw})".replace(",)", ")"))
_add("nn/batch_normalization/0", "ops.batch_normalization(T(None, 4), T(4), T(4), axis=-1)")
_add("nn/batch_normalization/offset", "ops.batch_normalization(T(None, 4), T(4), T(4), axis=1, offset=T(4), scale=T(4))")
_add("nn/batch_normalization/bad", "ops.batch_normalization(T(None, 4), T(3), T(4), axis=-1)")
_add("nn/batch_normalization/concrete_stats", "ops.batch_normalization(T(None, 4), C(4), C(4), axis=-1)")
for kw in ("", "axis=1", "gamma=T(4), beta=T(4)", "epsilon=1e-3", "rms_scaling=True"):
    _add(f"nn/layer_normalization/{kw or 'none'}", f"ops.layer_normalization(T(None, 4, dtype='float16'){', ' if kw else ''}{kw})")
for kw in ("", "scale=T(4)", "axis=1"):
    _add(f"nn/rms_normalization/{kw or 'none'}", f"ops.rms_normalization(T(None, 4, dtype='float16'){', ' if kw else ''}{kw})")
for kw in ("", "order=1", "axis=(0, 1)", "axis=5"):
    _add(f"nn/normalize/{kw or 'none'}", f"ops.normalize(T(None, 4, dtype='int32'){', ' if kw else ''}{kw})")
for kw in ("", "axis=(0, 1)", "axis=5", "axis=None"):
    _add(f"nn/softmax/{kw or 'none'}", f"ops.softmax(T(None, 4, 2){', ' if kw else ''}{kw})")
    _add(f"nn/log_softmax/{kw or 'none'}", f"ops.log_softmax(T(None, 4, 2){', ' if kw else ''}{kw})")
_add("nn/softmax/size1", "ops.softmax(T(None, 1))")
for kw in ("", "axis=1", "axis=0"):
    _add(f"nn/glu/{kw or 'none'}", f"ops.glu(T(None, 4, 3){', ' if kw else ''}{kw})")
    _add(f"nn/sparsemax/{kw or 'none'}", f"ops.sparsemax(T(None, 4, 3){', ' if kw else ''}{kw})")
_add("nn/threshold/0", "ops.threshold(T(None, 4), 0.5, 0.0)")
_add("nn/threshold/int", "ops.threshold(T(None, 4, dtype='int32'), 1, 0)")
for i, (q, k, v, kw) in enumerate([((None, 5, 2, 8), (None, 6, 2, 8), (None, 6, 2, 8), ""),
                                   ((None, 5, 2, 8), (None, 6, 2, 8), (None, 6, 2, 8), "is_causal=True"),
                                   ((2, 5, 2, 8), (2, 6, 2, 8), (2, 6, 2, 4), "scale=0.5"),
                                   ((None, 5, 2, 8), (None, 6, 2, 8), (None, 6, 2, 8), "mask=T(None, 2, 5, 6, dtype='bool')"),
                                   ((None, 5, 2, 8), (None, 6, 2, 8), (None, 6, 2, 8), "bias=T(1, 2, 5, 6)")]):
    _add(f"nn/dot_product_attention/{i}", f"ops.dot_product_attention(T{q}, T{k}, T{v}{', ' if kw else ''}{kw})")
_add("nn/dot_product_attention/float16",
     "ops.dot_product_attention(T(2, 5, 2, 8, dtype='float16'), T(2, 6, 2, 8, dtype='float16'), T(2, 6, 2, 8, dtype='float16'))")
_add("nn/dot_product_attention/soft_cap",
     "ops.dot_product_attention(T(2, 5, 2, 8), T(2, 6, 2, 8), T(2, 6, 2, 8), attn_logits_soft_cap=1.0)")
_add("nn/ctc_loss/0", "ops.ctc_loss(T(None, 5, dtype='int32'), T(None, 10, 6), T(None, dtype='int32'), T(None, dtype='int32'))")
_add("nn/ctc_loss/float16", "ops.ctc_loss(T(2, 5, dtype='int32'), T(2, 10, 6, dtype='float16'), T(2, dtype='int32'), T(2, dtype='int32'))")
_add("nn/ctc_loss/bad", "ops.ctc_loss(T(2, 5, dtype='int32'), T(3, 10, 6), T(2, dtype='int32'), T(3, dtype='int32'))")
_add("nn/ctc_decode/greedy", "ops.ctc_decode(T(None, 10, 6), T(None, dtype='int32'))")
_add("nn/ctc_decode/beam", "ops.ctc_decode(T(2, 10, 6), T(2, dtype='int32'), strategy='beam_search', top_paths=3)")
_add("nn/psnr/0", "ops.psnr(T(None, 8, 8, 3), T(None, 8, 8, 3), 1.0)")
_add("nn/psnr/bad", "ops.psnr(T(None, 8, 8, 3), T(None, 8, 3), 1.0)")
_add("nn/polar/0", "ops.polar(T(None, 3), T(None, 3))")
for i, (x, kw) in enumerate([((None, 3, 8, 8), "2"), ((2, 3, 8, 8), "3, stride=2, padding=1"),
                             ((2, 3, 8, 8), "(2, 3), dilation=2"), ((2, 3, 8), "2")]):
    _add(f"nn/unfold/{i}", f"ops.unfold(T{x}, {kw})")
for i, (x, kw) in enumerate([((None, 12, 16), "(5, 5), 2"), ((2, 12, 16), "(8, 8), (2, 2), stride=2"),
                             ((2, 13, 16), "(5, 5), 2"), ((2, 12, 16, 1), "(5, 5), 2")]):
    _add(f"nn/fold/{i}", f"ops.fold(T{x}, {kw})")
for name in ("depth_to_space", "space_to_depth"):
    for i, (x, kw) in enumerate([((None, 4, 4, 8), "2"), ((None, 8, 4, 4), "2, data_format='channels_first'"),
                                 ((None, 4, 4, 6), "2"), ((None, None, 4, 8), "2"), ((None, 4, 4, 8), "1"),
                                 ((None, 4, 8), "2")]):
        _add(f"nn/{name}/{i}", f"ops.{name}(T{x}, {kw})")
for kw in ("0.5", "0.5, 0.1"):
    _add(f"nn/leaky_relu/{kw}", f"ops.leaky_relu(T(None, 3), {kw})")
for name in ("elu", "celu"):
    _add(f"nn/{name}/alpha", f"ops.{name}(T(None, 3), alpha=0.5)")
_add("nn/gelu/exact", "ops.gelu(T(None, 3), approximate=False)")
for name in ("soft_shrink", "hard_shrink"):
    _add(f"nn/{name}/threshold", f"ops.{name}(T(None, 3), threshold=0.1)")
_add("nn/squareplus/b", "ops.squareplus(T(None, 3), b=2)")

# ---------------------------------------------------------------------------
# math
# ---------------------------------------------------------------------------
for name in ("segment_sum", "segment_max", "segment_min", "segment_prod"):
    for i, args in enumerate(["T(6, 3), T(6, dtype='int32'), num_segments=4", "T(None, 3), T(None, dtype='int32')",
                              "T(6, 3), T(6, 2, dtype='int32')", "T(6, 3), T(5, dtype='int32')",
                              "T(6, 3, dtype='int32'), T(6, dtype='int32'), num_segments=2, sorted=True"]):
        _add(f"math/{name}/{i}", f"ops.{name}({args})")
_add("math/cdist/0", "ops.cdist(T(None, 5, 3), T(None, 4, 3))")
_add("math/cdist/int", "ops.cdist(T(5, 3, dtype='int32'), T(4, 3, dtype='int32'))")
_add("math/cdist/bad", "ops.cdist(T(5, 3), T(4, 2))")
_add("math/cdist/rank1", "ops.cdist(T(3), T(4, 3))")
_add("math/cdist/batch", "ops.cdist(T(2, 5, 3), T(1, 4, 3))")
for i, (x, l, s) in enumerate([((None, 100), 10, 5), ((None, 100), 10, 10), ((2, None), 8, 4), ((), 2, 1)]):
    _add(f"math/extract_sequences/{i}", f"ops.extract_sequences(T{x}, {l}, {s})")
for name in ("fft", "fft2", "ifft2"):
    _add(f"math/{name}/0", f"ops.{name}((T(None, 4, 8), T(None, 4, 8)))")
    _add(f"math/{name}/unknown", f"ops.{name}((T(None, None, None), T(None, None, None)))")
    _add(f"math/{name}/mismatch", f"ops.{name}((T(2, 4, 8), T(2, 4, 9)))")
    _add(f"math/{name}/one", f"ops.{name}(T(2, 4, 8))")
for kw in ("", "fft_length=16", "fft_length=7"):
    _add(f"math/rfft/{kw or 'none'}", f"ops.rfft(T(None, 10){', ' if kw else ''}{kw})")
    _add(f"math/irfft/{kw or 'none'}", f"ops.irfft((T(None, 10), T(None, 10)){', ' if kw else ''}{kw})")
_add("math/rfft/unknown", "ops.rfft(T(2, None))")
for kw in ("8, 4, 16", "8, 4, 16, center=False", "10, 5, 16, window=None", "8, 4, 16, window='hamming'",
           "8, 0, 16", "8, 4, 16, window=T(8)"):
    _add(f"math/stft/{kw}", f"ops.stft(T(None, 100), {kw})")
for kw in ("8, 4, 16", "8, 4, 16, length=100", "8, 4, 16, center=False", "8, 4.5, 16"):
    _add(f"math/istft/{kw}", f"ops.istft((T(None, 26, 9), T(None, 26, 9)), {kw})")
_add("math/istft/unknown", "ops.istft((T(2, None, 9), T(2, None, 9)), 8, 4, 16, length=50)")
_add("math/logdet/0", "ops.logdet(T(None, 3, 3))")
_add("math/view_as_complex/0", "ops.view_as_complex(T(None, 3, 2))")
_add("math/view_as_real/0", "ops.view_as_real(T(None, 3, dtype='complex64'))")
_add("math/logsumexp/int", "ops.logsumexp(T(None, 3, dtype='int32'), axis=1)")

# ---------------------------------------------------------------------------
# linalg
# ---------------------------------------------------------------------------
for name in ("cholesky", "cholesky_inverse", "det", "eig", "eigh", "inv", "lu_factor", "qr", "svd",
             "matrix_rank", "pinv", "slogdet", "logdet"):
    for i, shape in enumerate([(3, 3), (None, 4, 4), (2, 3), (3,), (None, None, None), (2, 5, 3)]):
        _add(f"linalg/{name}/{i}", f"ops.{name}(T{shape})".replace(",)", ")"))
    _add(f"linalg/{name}/int", f"ops.{name}(T(3, 3, dtype='int32'))")
for kw in ("mode='complete'", "mode='bad'"):
    _add(f"linalg/qr/{kw}", f"ops.qr(T(5, 3), {kw})")
for kw in ("full_matrices=False", "compute_uv=False"):
    _add(f"linalg/svd/{kw}", f"ops.svd(T(None, 5, 3), {kw})")
for i, kw in enumerate(["", "axis=1", "axis=(0, 1)", "ord=1, axis=1", "ord='fro', axis=(0, 1)", "ord='fro', axis=1",
                        "ord='nuc'", "ord='bad'", "ord=3, axis=(0, 1)", "keepdims=True", "axis=(1, 2), keepdims=True"]):
    _add(f"linalg/norm/{i}", f"ops.norm(T(None, 3, 4){', ' if kw else ''}{kw})")
_add("linalg/norm/int", "ops.norm(T(3, 4, dtype='int32'), axis=1)")
_add("linalg/norm/float16", "ops.norm(T(3, 4, dtype='float16'))")
for name in ("solve", "solve_triangular"):
    for i, (a, b) in enumerate([((3, 3), (3,)), ((3, 3), (3, 2)), ((None, 3, 3), (None, 3, 2)),
                                ((3, 3), (4,)), ((3, 4), (3,)), ((3, 3), ())]):
        _add(f"linalg/{name}/{i}", f"ops.{name}(T{a}, T{b})".replace(",)", ")"))
for i, (a, b) in enumerate([((5, 3), (5,)), ((5, 3), (5, 2)), ((5, 3), (4,)), ((2, 5, 3), (5,)), ((5, 3), (5, 2, 2))]):
    _add(f"linalg/lstsq/{i}", f"ops.lstsq(T{a}, T{b})".replace(",)", ")"))
_add("linalg/jvp/0", "ops.jvp(lambda t: ops.sum(t * t, axis=-1), (T(None, 3),), (T(None, 3),))")
_add("linalg/jvp/aux", "ops.jvp(lambda t: (t * 2, ops.shape(t)), (T(2, 3),), (T(2, 3),), has_aux=True)")

# ---------------------------------------------------------------------------
# image
# ---------------------------------------------------------------------------
IMG = "T(None, 32, 24, 3)"
IMG_CF = "T(None, 3, 32, 24)"
for i, args in enumerate([f"{IMG}, (16, 16)", f"{IMG_CF}, (16, 8), data_format='channels_first'",
                          "T(32, 24, 3), (8, 8)", f"{IMG}, (16, 16), interpolation='nearest'",
                          f"{IMG}, (16, 16), crop_to_aspect_ratio=True", f"{IMG}, (16, 16), pad_to_aspect_ratio=True",
                          f"{IMG}, (16, 16), crop_to_aspect_ratio=True, pad_to_aspect_ratio=True",
                          f"{IMG}, (16,)", f"{IMG}, (0, 4)", "T(None, 32, 3), (16, 16)", "T(None, None, None, 3), (8, 8)",
                          "T(None, 32, 24, 3, dtype='uint8'), (16, 16)", "T(None, 32, 24, 3, dtype='int32'), (16, 16)",
                          "C(32, 24, 3), (8, 8)"]):
    _add(f"image/resize/{i}", f"ops.image.resize({args})")
for name in ("rgb_to_grayscale", "rgb_to_hsv", "hsv_to_rgb"):
    for i, args in enumerate([IMG, IMG_CF + ", data_format='channels_first'", "T(32, 24, 3)", "T(None, 32, 24, 4)",
                              "T(None, 32, 24, 1)", "T(32, 3)", "T(None, 32, 24, 3, dtype='uint8')",
                              "T(None, 32, 24, 3, dtype='float16')"]):
        _add(f"image/{name}/{i}", f"ops.image.{name}({args})")
for i, args in enumerate([f"{IMG}, T(None, 8)", f"{IMG}, T(8)", f"{IMG}, T(None, 2, 8)", "T(32, 3), T(8)",
                          f"{IMG_CF}, T(None, 8), data_format='channels_first'"]):
    _add(f"image/affine_transform/{i}", f"ops.image.affine_transform({args})")
for i, args in enumerate([f"{IMG}, 4", f"{IMG}, (4, 6)", f"{IMG}, 4, strides=2", f"{IMG}, 3, padding='same'",
                          f"{IMG}, 3, dilation_rate=2", f"{IMG_CF}, 4, data_format='channels_first'",
                          "T(32, 24, 3), 4", f"{IMG}, (4, 4, 4)", f"{IMG}, 'a'", f"{IMG}, (1, 2, 3, 4)",
                          "T(None, 32, 24, 3, dtype='uint8'), 4"]):
    _add(f"image/extract_patches/{i}", f"ops.image.extract_patches({args})")
for i, args in enumerate(["T(None, 8, 8, 8, 2), 2", "T(None, 8, 8, 8, 2), (2, 4, 2), strides=2",
                          "T(8, 8, 8, 2), 4", "T(None, 2, 8, 8, 8), 2, data_format='channels_first'",
                          "T(None, 8, 8, 8, 2), 3, padding='same'"]):
    _add(f"image/extract_patches_3d/{i}", f"ops.image.extract_patches_3d({args})")
for i, args in enumerate(["T(None, 8, 8), T(3, 5, 5), 1", "T(8, 8), T(2, 4), 0", "T(8, 8), T(3, 4), 1",
                          "T(8, 8), T(2), 1"]):
    _add(f"image/map_coordinates/{i}", f"ops.image.map_coordinates({args})")
for name in ("pad_images", "crop_images"):
    prefix = name.split("_")[0].replace("crop", "cropping").replace("pad", "padding")
    for i, kw in enumerate([f"top_{prefix}=2, left_{prefix}=1, bottom_{prefix}=3, right_{prefix}=4",
                            f"top_{prefix}=2, left_{prefix}=1, target_height=20, target_width=20",
                            f"bottom_{prefix}=2, right_{prefix}=1, target_height=20, target_width=20",
                            f"top_{prefix}=2, left_{prefix}=1", f"top_{prefix}=-1, left_{prefix}=1, target_height=20, target_width=20",
                            "target_height=40, target_width=40"]):
        _add(f"image/{name}/{i}", f"ops.image.{name}({IMG}, {kw})")
        _add(f"image/{name}/unknown{i}", f"ops.image.{name}(T(None, None, None, 3), {kw})")
    _add(f"image/{name}/cf", f"ops.image.{name}({IMG_CF}, top_{prefix}=2, left_{prefix}=1, bottom_{prefix}=3, right_{prefix}=4, data_format='channels_first')")
    _add(f"image/{name}/rank3", f"ops.image.{name}(T(32, 24, 3), top_{prefix}=2, left_{prefix}=1, bottom_{prefix}=3, right_{prefix}=4)")
for i, args in enumerate([f"{IMG}, T(None, 4, 2), T(None, 4, 2)", f"{IMG}, T(4, 2), T(4, 2)",
                          f"{IMG}, T(4, 3), T(4, 3)", f"{IMG}, T(None, 4, 2), T(4, 2)"]):
    _add(f"image/perspective_transform/{i}", f"ops.image.perspective_transform({args})")
for name in ("gaussian_blur", "elastic_transform"):
    _add(f"image/{name}/0", f"ops.image.{name}({IMG})")
    _add(f"image/{name}/rank2", f"ops.image.{name}(T(32, 24))")
_add("image/scale_and_translate/0",
     f"ops.image.scale_and_translate({IMG}, (2, 16, 12, 3), T(2), T(2), (1, 2), 'bilinear')")
_add("image/sobel_edges/0", f"ops.image.sobel_edges({IMG})")
_add("image/sobel_edges/rank3", "ops.image.sobel_edges(T(32, 24, 3))")
_add("image/ssim/0", f"ops.image.ssim({IMG}, {IMG})")
_add("image/ssim/rank3", "ops.image.ssim(T(32, 24, 3), T(32, 24, 3))")
_add("image/ssim/rank2", "ops.image.ssim(T(32, 24), T(32, 24))")

# ---------------------------------------------------------------------------
# core: control flow and functions of tensors
# ---------------------------------------------------------------------------
_add("core/map/0", "ops.map(lambda t: ops.sum(t, axis=-1), T(5, 3, 4))")
_add("core/map/tuple", "ops.map(lambda t: (t * 2, ops.mean(t)), T(5, 3))")
_add("core/map/unknown", "ops.map(lambda t: t[0], T(None, 3))")
_add("core/scan/0", "ops.scan(lambda c, x: (c + x, c * x), T(3), T(5, 3))")
_add("core/scan/length", "ops.scan(lambda c, x: (c + 1, c), T(3), length=4)")
_add("core/associative_scan/0", "ops.associative_scan(lambda a, b: a + b, T(5, 3))")
_add("core/associative_scan/axis", "ops.associative_scan(lambda a, b: a * b, T(5, 3), axis=1)")
_add("core/fori_loop/0", "ops.fori_loop(0, 5, lambda i, v: v + 1, T(None, 3))")
_add("core/fori_loop/concrete", "ops.fori_loop(0, 5, lambda i, v: v + 1, C(2, 3))")
_add("core/while_loop/0", "ops.while_loop(lambda v: ops.all(v < 10), lambda v: (v + 1,), (T(None, 3),))")
_add("core/while_loop/two", "ops.while_loop(lambda a, b: True, lambda a, b: (a, b), [T(2), T(3, dtype='int32')])")
_add("core/cond/0", "ops.cond(T(dtype='bool'), lambda: ops.ones((2, 3)), lambda: ops.zeros((2, 3)))")
_add("core/cond/mismatch", "ops.cond(T(dtype='bool'), lambda: ops.ones((2, 3)), lambda: ops.zeros((3, 3)))")
_add("core/switch/0", "ops.switch(T(dtype='int32'), [lambda x: x + 1, lambda x: x - 1], T(None, 3))")
_add("core/vectorized_map/0", "ops.vectorized_map(lambda t: ops.sum(t), T(5, 3))")
_add("core/vectorized_map/unknown", "ops.vectorized_map(lambda t: t * 2, T(None, 3))")
_add("core/vectorize/0", "ops.vectorize(lambda a, b: a + b)(T(4, 3), T(3))")
_add("core/custom_gradient/type", "type(ops.custom_gradient(lambda x: (x, lambda g: g))).__name__")

# ---------------------------------------------------------------------------
# einops
# ---------------------------------------------------------------------------
for i, (shape, pattern, kw) in enumerate([
        ((2, 3, 4), "a b c -> c a b", ""), ((None, 6, 4), "b (h w) c -> b h w c", "h=2"),
        ((None, 2, 3, 4), "b h w c -> b (h w) c", ""), ((2, 3, 4), "a b c -> (a b c)", ""),
        ((None, 4, 6), "b s (h d) -> b h s d", "h=2"), ((2, 3, 4), "a b -> b a", "")]):
    _add(f"einops/rearrange/{i}", f"ops.rearrange(T{shape}, {pattern!r}{', ' if kw else ''}{kw})")

# ---------------------------------------------------------------------------
# keras.random
# ---------------------------------------------------------------------------
for name in ("normal", "uniform", "truncated_normal"):
    for kw in ("(3, 2)", "(3, 2), dtype='float16'", "(3, 2), dtype='int32'", "[4]", "(3, 2), seed=1",
               "(3, 2), seed=keras.random.SeedGenerator(1)"):
        _add(f"random/{name}/{kw}", f"random.{name}({kw})")
for kw in ("(3, 2), 0, 10", "(3, 2), 0, 10, dtype='int8'", "(3, 2), 0, 10, dtype='float32'"):
    _add(f"random/randint/{kw}", f"random.randint({kw})")
for kw in ("C(2, 5), 3", "C(2, 5), 3, dtype='int8'", "C(5), 3"):
    _add(f"random/categorical/{kw}", f"random.categorical({kw})")
for kw in ("(3, 2), 2.0", "(3, 2), 2.0, dtype='float16'"):
    _add(f"random/gamma/{kw}", f"random.gamma({kw})")
for kw in ("(3, 2), 5, 0.5", "(3, 2), 5, 0.5, dtype='float16'"):
    _add(f"random/binomial/{kw}", f"random.binomial({kw})")
for kw in ("(3, 2), 2.0, 3.0", "(3, 2), 2.0, 3.0, dtype='float16'"):
    _add(f"random/beta/{kw}", f"random.beta({kw})")
for kw in ("C(3, 4), 0.5", "C(3, 4), 0.5, noise_shape=(1, 4)", "C(3, 4, dtype='float16'), 0.5"):
    _add(f"random/dropout/{kw}", f"random.dropout({kw})")
for kw in ("C(3, 4)", "C(3, 4), axis=1"):
    _add(f"random/shuffle/{kw}", f"random.shuffle({kw})")
for name, kw in (("dropout", "T(None, 4), 0.5"), ("shuffle", "T(None, 4)"), ("categorical", "T(None, 5), 2"),
                 ("normal", "(None, 3)"), ("uniform", "T(2, dtype='int32')")):
    _add(f"random/{name}/symbolic", f"random.{name}({kw})")
_add("random/SeedGenerator/type", "type(random.SeedGenerator(1)).__name__")
