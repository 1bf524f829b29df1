"""Datasets known by their shapes follow NumPy (issue 8, item 4): every operation here runs
on a real NumPy array and on a ShapedArray of the same shape and dtype, and must give the
same shape and dtype; what depends on the values gives an unknown value instead."""

import pytest

from paramscope.errors import NeedsComputationError
from paramscope.keras import unknown as unknowns
from paramscope.keras._data import ShapedArray
from paramscope.keras.unknown import is_unknown

np = pytest.importorskip("numpy")

SHAPES = {"x": ((6, 4, 3), "uint8"), "y": ((6,), "int64"), "f": ((6, 4), "float32"),
          "m": ((4, 5), "float64")}


def real(name):
    shape, dtype = SHAPES[name]
    return (np.arange(int(np.prod(shape))) % 7).reshape(shape).astype(dtype)


def shaped(name):
    shape, dtype = SHAPES[name]
    return ShapedArray(shape, dtype, name)


FOLLOWS_THE_SHAPES = {
    "compare": lambda x, y, f, m: y == 3,
    "compare_reflected": lambda x, y, f, m: 3 < y,
    "mask_and": lambda x, y, f, m: (y > 1) & (y < 5),
    "divide": lambda x, y, f, m: x / 255,
    "divide_float32": lambda x, y, f, m: x.astype("float32") / 255.0,
    "floor_divide": lambda x, y, f, m: x // 2,
    "broadcast": lambda x, y, f, m: f - f.mean(axis=0),
    "matmul": lambda x, y, f, m: f @ m,
    "where": lambda x, y, f, m: np.where(y >= 3, 1, 0),
    "where_arrays": lambda x, y, f, m: np.where(f > 0, f, 0.5),
    "concatenate": lambda x, y, f, m: np.concatenate([x, x], axis=0),
    "concatenate_axis": lambda x, y, f, m: np.concatenate((f, f), axis=1),
    "concatenate_none": lambda x, y, f, m: np.concatenate([y, y], axis=None),
    "stack": lambda x, y, f, m: np.stack([f, f], axis=-1),
    "vstack": lambda x, y, f, m: np.vstack([f, f]),
    "hstack": lambda x, y, f, m: np.hstack([y, y]),
    "expand_dims": lambda x, y, f, m: np.expand_dims(x, -1),
    "reshape": lambda x, y, f, m: np.reshape(x, (6, -1)),
    "transpose": lambda x, y, f, m: np.transpose(x, (0, 2, 1)),
    "moveaxis": lambda x, y, f, m: np.moveaxis(x, -1, 0),
    "swapaxes": lambda x, y, f, m: x.swapaxes(0, 1),
    "squeeze": lambda x, y, f, m: np.squeeze(np.expand_dims(f, 1), axis=1),
    "mean_axis": lambda x, y, f, m: x.mean(axis=0),
    "std_keepdims": lambda x, y, f, m: np.std(x, axis=(1, 2), keepdims=True),
    "sum_axis": lambda x, y, f, m: np.sum(x, axis=1),
    "max_axis": lambda x, y, f, m: np.max(f, axis=-1),
    "argmax_axis": lambda x, y, f, m: np.argmax(f, axis=1),
    "any_axis": lambda x, y, f, m: (f > 2).any(axis=0),
    "clip": lambda x, y, f, m: np.clip(f, 0, 1),
    "clip_method": lambda x, y, f, m: x.clip(0, 3),
    "sqrt": lambda x, y, f, m: np.sqrt(x),
    "log1p": lambda x, y, f, m: np.log1p(f),
    "maximum": lambda x, y, f, m: np.maximum(f, 0),
    "isnan": lambda x, y, f, m: np.isnan(f),
    "astype_float": lambda x, y, f, m: x.astype(float),
    "slice": lambda x, y, f, m: x[:4, ::2],
    "int_index": lambda x, y, f, m: x[0],
    "int_array_index": lambda x, y, f, m: x[np.array([0, 2, 4])],
    "int_array_axis": lambda x, y, f, m: x[:, [0, 1]],
    "known_mask": lambda x, y, f, m: x[np.array([True, False] * 3)],
    "newaxis": lambda x, y, f, m: f[:, None, :],
    "ellipsis": lambda x, y, f, m: x[..., 0],
    "split": lambda x, y, f, m: np.split(f, 3)[1],
    "array_split": lambda x, y, f, m: np.array_split(y, 4)[-1],
    "pad": lambda x, y, f, m: np.pad(f, ((1, 1), (2, 0))),
    "tile": lambda x, y, f, m: np.tile(f, (2, 1)),
    "repeat": lambda x, y, f, m: np.repeat(y, 3),
    "repeat_axis": lambda x, y, f, m: f.repeat(2, axis=1),
    "cumsum": lambda x, y, f, m: np.cumsum(y),
    "diff": lambda x, y, f, m: np.diff(f, axis=0),
    "percentile": lambda x, y, f, m: np.percentile(f, [25, 75], axis=0),
    "zeros_like": lambda x, y, f, m: np.zeros_like(x, dtype="float32"),
    "dot": lambda x, y, f, m: np.dot(f, m),
    "take": lambda x, y, f, m: np.take(f, [0, 3], axis=1),
    "isin": lambda x, y, f, m: np.isin(y, [1, 2]),
    "flip": lambda x, y, f, m: np.flip(x, axis=0),
    "broadcast_to": lambda x, y, f, m: np.broadcast_to(y, (2, 6)),
    "argsort": lambda x, y, f, m: np.argsort(f, axis=0),
    "ravel": lambda x, y, f, m: x.ravel(),
    "T": lambda x, y, f, m: f.T,
}


@pytest.mark.parametrize("name", list(FOLLOWS_THE_SHAPES))
def test_what_follows_from_the_shapes_is_numpys(name):
    operation = FOLLOWS_THE_SHAPES[name]
    expected = operation(*(real(k) for k in "xyfm"))
    got = operation(*(shaped(k) for k in "xyfm"))
    assert isinstance(got, ShapedArray), got
    assert (got.shape, got.dtype) == (expected.shape, expected.dtype.name)


DEPENDS_ON_THE_VALUES = {
    "unique": lambda x, y: np.unique(y),
    "max_plus_one": lambda x, y: np.max(y) + 1,
    "method_max": lambda x, y: y.max() + 1,
    "mean_all": lambda x, y: np.mean(x),
    "where_one": lambda x, y: np.where(y == 3),
    "bincount": lambda x, y: np.bincount(y),
    "mask": lambda x, y: x[y == 3],
    "nonzero": lambda x, y: np.nonzero(y),
    "item": lambda x, y: y[0].item(),
    "tolist": lambda x, y: y.tolist(),
}


@pytest.mark.parametrize("name", list(DEPENDS_ON_THE_VALUES))
def test_what_needs_the_values_is_unknown(name):
    got = DEPENDS_ON_THE_VALUES[name](shaped("x"), shaped("y"))
    assert is_unknown(got)
    assert "needs the values of" in unknowns.origin_of(got).reason
    unknowns.forget()


@pytest.mark.parametrize("use", [lambda y: list(y), lambda y: float(y[0]), lambda y: bool(y),
                                 lambda y: np.asarray(y), lambda y: np.save("y.npy", y)])
def test_what_needs_the_values_themselves_stops(use):
    with pytest.raises(NeedsComputationError, match="needs the data's values"):
        use(shaped("y"))


def test_in_place_changes_keep_the_shape():
    f = shaped("f")
    f[f < 0] = 0
    f += 1
    np.clip(f, 0, 1, out=f)
    assert (f.shape, f.dtype) == ((6, 4), "float32")
    with pytest.raises(ValueError, match="broadcast"):
        f += shaped("m")


def test_shapes_numpy_refuses_are_refused():
    with pytest.raises(ValueError):
        np.concatenate([shaped("f"), shaped("m")], axis=0)
    with pytest.raises(ValueError):
        shaped("f") @ shaped("f")
    with pytest.raises(IndexError):
        shaped("y")[10]
    with pytest.raises(ValueError):
        np.split(shaped("y"), 4)


def test_an_unknown_dtype_stays_unknown():
    a = ShapedArray((5, 3), None, "x_train")
    assert is_unknown(a.dtype) and (a / 2).dtype_or_none is None
    assert (a > 0).dtype == "bool" and a.astype("float32").dtype == "float32"
    unknowns.forget()
