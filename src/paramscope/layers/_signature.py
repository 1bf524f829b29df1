"""What a layer's methods take: positional parameter names, ``*args``, the shapes
``build``/``compute_output_shape`` receive (read from their code: layers are called often)."""

from __future__ import annotations

from ._tensor import KerasTensor


def function_code(fn):
    fn = getattr(fn, "__func__", fn)
    while hasattr(fn, "__wrapped__"):
        fn = fn.__wrapped__
    return getattr(fn, "__code__", None)


def positional_arg_names(fn):
    """Positional parameter names of a function (of a bound method: without ``self``)."""
    code = function_code(fn)
    if code is None:  # a builtin or a callable object: fall back to inspect
        import inspect
        return [p.name for p in inspect.signature(fn).parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    names = list(code.co_varnames[:code.co_argcount])
    return names[1:] if hasattr(fn, "__self__") else names


def has_varargs(fn):
    code = function_code(fn)
    return bool(code is not None and code.co_flags & 0x04)


_shape_params_cache: dict = {}


def shape_params(fn):
    """The parameter names of a ``build``/``compute_output_shape`` method, ``None`` when
    it takes a single shape (cached per function: layers are called many times)."""
    key = (getattr(fn, "__func__", fn), hasattr(fn, "__self__"))
    try:
        return _shape_params_cache[key]
    except (KeyError, TypeError):
        pass
    params = positional_arg_names(fn)
    value = None if len(params) <= 1 and not has_varargs(fn) else tuple(params)
    try:
        _shape_params_cache[key] = value
    except TypeError:  # an unhashable callable object
        pass
    return value


def shape_of(x):
    return x.shape if isinstance(x, KerasTensor) else x
