"""Python's operators on tensors, as Keras defines them on ``KerasTensor``
(``keras/src/backend/common/keras_tensor.py``): each records a Keras operation (``x + 1``
is an ``Add`` node, ``x[0]`` a ``GetItem``).  Concrete tensors (:class:`Constant`) get the
same operators, computed on shapes."""

from __future__ import annotations

#: Python's binary operators by name: (module, class name, whether ``__r<name>__`` exists too).
_BINARY = {
    "add": ("numpy_math", "Add", True), "sub": ("numpy_math", "Subtract", True),
    "mul": ("numpy_math", "Multiply", True), "matmul": ("numpy_linalg", "Matmul", True),
    "truediv": ("numpy_math", "TrueDivide", True),
    "floordiv": ("numpy_math", "FloorDivide", True),
    "mod": ("numpy_math", "Mod", True), "pow": ("numpy_math", "Power", True),
    "lt": ("numpy_math", "Less", False), "le": ("numpy_math", "LessEqual", False),
    "gt": ("numpy_math", "Greater", False), "ge": ("numpy_math", "GreaterEqual", False),
    "ne": ("numpy_math", "NotEqual", False),
    "and": ("numpy_math", "LogicalAnd", True), "or": ("numpy_math", "LogicalOr", True),
    "xor": ("numpy_math", "LogicalXor", True),
}
#: dunder -> (module, class name, reflected)
OPERATORS = {}
for _name, (_module, _class_name, _has_reflected) in _BINARY.items():
    OPERATORS[f"__{_name}__"] = (_module, _class_name, False)
    if _has_reflected:
        OPERATORS[f"__r{_name}__"] = (_module, _class_name, True)
UNARY_OPERATORS = {
    "__neg__": ("numpy_math", "Negative"), "__abs__": ("numpy_math", "Absolute"),
    "__invert__": ("numpy_math", "LogicalNot"),
}


def _class(module, name):
    import importlib
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)


def _hooked(dunder, operator, unary=False):
    """The operator, after ``OPERATOR_HOOK`` (tf.keras semantics) had its say."""
    from ._base import OPERATOR_HOOK

    def apply(self, other=None):
        hook = OPERATOR_HOOK[0]
        if hook is not None:
            result = hook(dunder, self, other, unary)
            if result is not NotImplemented:
                return result
        return operator(self) if unary else operator(self, other)
    apply.__name__ = dunder
    return apply


def _binary(cls, reflected, symbolic):
    if symbolic:
        if reflected:
            return lambda self, other: cls().symbolic_call(other, self)
        return lambda self, other: cls().symbolic_call(self, other)
    from ._base import call
    if reflected:
        return lambda self, other: call(cls, (other, self))
    return lambda self, other: call(cls, (self, other))


def _unary(cls, symbolic):
    if symbolic:
        return lambda self: cls().symbolic_call(self)
    from ._base import call
    return lambda self: call(cls, (self,))


def install_operators(tensor_class, symbolic=True):
    """Give ``tensor_class`` Python's operators: on KerasTensor (``symbolic``) each records
    a Keras operation, on Constant each computes the result's shape."""
    for dunder, (module, name, reflected) in OPERATORS.items():
        operator = _binary(_class(module, name), reflected, symbolic)
        setattr(tensor_class, dunder, _hooked(dunder, operator))
    for dunder, (module, name) in UNARY_OPERATORS.items():
        operator = _unary(_class(module, name), symbolic)
        setattr(tensor_class, dunder, _hooked(dunder, operator, unary=True))
    # ``==``: identity, unless tf.keras semantics make it an operation (``x == 0.0``).
    tensor_class.__eq__ = _hooked("__eq__", lambda self, other: self is other)
    tensor_class.__hash__ = object.__hash__
    get_item = _class("numpy_shape", "GetItem")
    round_cls = _class("numpy_math", "Round")
    reshape_cls = _class("numpy_shape", "Reshape")
    squeeze_cls = _class("numpy_shape", "Squeeze")
    if symbolic:
        tensor_class.__getitem__ = _hooked(
            "__getitem__", lambda self, key: get_item().symbolic_call(self, key))
        tensor_class.__round__ = lambda self, ndigits=None: round_cls(
            decimals=ndigits or 0).symbolic_call(self)
        tensor_class.reshape = lambda self, newshape: reshape_cls(newshape)(self)
        tensor_class.squeeze = lambda self, axis=None: squeeze_cls(axis)(self)
    else:
        from .numpy_shape import get_item as get_item_fn
        tensor_class.__getitem__ = lambda self, key: get_item_fn(self, key)
        tensor_class.__round__ = lambda self, ndigits=None: _class("numpy_math", "round")(
            self, ndigits or 0)
