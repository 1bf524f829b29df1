"""Unknown values: what a script would have computed from data paramscope does not have.

When ``paramscope summary SCRIPT`` (or ``paramscope run --keep-going``) skips a statement
because it needs data (a file, a download, a dataset's values, a package that is not
installed, TensorFlow itself), every name that statement would have bound holds an
:class:`Unknown`: an object that knows the expression it stands for (``x_train``,
``x_train.shape[1:]``) and the statement it comes from (its line, and why that line could
not run).  The script then goes on, so the model code runs; if the model needs an unknown
value, paramscope stops and says which value, where it came from and how to supply it
(``--set NAME=VALUE``).

How an unknown value behaves (the rule: whatever only *passes it along* gives another
unknown value; whatever needs *the value itself* stops the statement):

- ``u.attr``, ``u[key]``, ``u(...)``, ``u.method(...)``: unknown (``u.shape[1:]``), except
  private and special names (``u._x``, ``u.__len__``), which do not exist (``hasattr`` is
  False).  An attribute the script or ``--set`` gives it (``u.name = "x"``) is known.
- arithmetic, ``-u``, ``abs(u)``, ``round(u)``, comparisons (``u == 3``, ``u < v``): unknown.
- NumPy functions and ufuncs on it (``np.max(u)``, ``np.expand_dims(u, -1)``): unknown.
- ``os.path.join(u, "x.txt")`` and ``os.path``'s other string functions: unknown
  (:mod:`paramscope.keras.unknown_paths`); ``open(u)`` and ``os.path.exists(u)`` need it.
- ``u[key] = v``, ``u.attr = v``, ``del u[key]``: accepted (the object stays unknown).
- ``with u:`` and ``with u.scope():`` enter and leave; the ``as`` value is unknown.
- ``str(u)``, ``repr(u)``, ``f"{u}"``, ``print(u)``: the placeholder ``<unknown x_train.shape>``
  (printing never stops a script).
- Needing its value stops the statement (:class:`UnknownValueError`): ``bool(u)`` (``if u:``,
  ``while``, ``and``/``or``), ``len(u)``, ``int(u)``, ``float(u)``, ``range(u)``, indexing a
  list with it, iterating or unpacking it (``for x in u``, ``a, b = u``), ``x in u``,
  ``np.asarray(u)``, ``open(u)``, ``isinstance(x, u)``, subclassing it.  In a statement that
  only prepares data, the statement is skipped (and listed); in one that builds the model,
  the script stops.
- A layer or model that receives it as an argument (``Dense(u)``, ``Input(shape=u)``,
  ``Sequential([..., u])``, ``model.add(u)``, ``keras.Model(inputs, u)``) stops the script:
  the message names the value, the line it comes from and the ``--set`` that supplies it.
  A layer called on it (``layer(u)``: data, or a tensor a skipped statement would have
  made) and an unknown layer called on a tensor (``u(x)``) give unknown values: the model
  that would need them stops.
- ``hash(u)`` is its identity; ``copy.copy(u)`` and ``copy.deepcopy(u)`` return it.
"""

from __future__ import annotations

import sys

from ..modes import set_unknown_values_made, unknown_values_made


class UnknownValueError(Exception):
    """A statement needs the value of an unknown value (its truth, length, items...).

    Not a ``ValueError``: a script's ``except ValueError`` (written for bad data) does not
    catch it.  ``needed_by``, when set, is the layer or model argument that needs it
    (``"Dense(units=...)"``): that always stops the script.
    """

    def __init__(self, value, use, needed_by=None):
        super().__init__(f"{use} needs the value of {describe(value)}")
        self.value = value
        self.use = use
        self.needed_by = needed_by
        self.as_shape = False  # the value is a whole shape argument (``Input(shape=u)``)
        self.settable = needed_by is None  # whether --set could give it (not a tensor)


class Origin:
    """Why (and where) a root unknown value is unknown: the statement that could not run."""

    __slots__ = ("line", "reason", "cause")

    def __init__(self, line, reason, cause=None):
        self.line = line          # the script line of the statement
        self.reason = reason      # in a user's words: "needs the data (no file 'x.csv')"
        self.cause = cause        # the Origin of the unknown value it used, if that was why

    def root(self):
        origin = self
        while origin.cause is not None and origin.cause is not origin:
            origin = origin.cause
        return origin


def _short(text, limit=60):
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _text_of(value):
    """How a value reads inside an unknown value's expression."""
    if isinstance(value, Unknown):
        return value._ps_display()
    if isinstance(value, slice):
        parts = ["" if p is None else _text_of(p) for p in (value.start, value.stop)]
        text = ":".join(parts)
        return text + (f":{_text_of(value.step)}" if value.step is not None else "")
    if isinstance(value, tuple):
        return ", ".join(_text_of(v) for v in value)
    if value is Ellipsis:
        return "..."
    if isinstance(value, (int, float, str, bool, type(None))):
        return _short(repr(value), 20)
    return "…"


def describe(value):
    """``x_train.shape[1:]``: the expression an unknown value stands for."""
    return value._ps_display() if isinstance(value, Unknown) else repr(value)


def _value_needed(name):
    def method(self, *args):
        raise UnknownValueError(self, name)
    method.__name__ = f"__{name.split()[0]}__"
    return method


class Unknown:
    """A value paramscope does not have (see the module docstring for how it behaves)."""

    __slots__ = ("_ps_text", "_ps_origin", "_ps_binding", "_ps_source", "_ps_attributes",
                 "_ps_local")

    def __init__(self, text, origin, binding=None, attributes=None, source=None):
        if not unknown_values_made():  # the first of the run (the runner's forget() ends it)
            _first_made()
        object.__setattr__(self, "_ps_text", text)
        object.__setattr__(self, "_ps_origin", origin)
        object.__setattr__(self, "_ps_binding", binding)      # (name, line) that holds it
        object.__setattr__(self, "_ps_source", source)        # the (name, line) it comes from
        object.__setattr__(self, "_ps_attributes", dict(attributes or {}))
        object.__setattr__(self, "_ps_local", False)  # bound to a function's local variable

    # -- what it is ---------------------------------------------------------------------
    def _ps_display(self):
        binding = self._ps_binding
        return binding[0] if binding is not None else self._ps_text

    def _ps_derived(self, text):
        return Unknown(_short(text, 80), self._ps_origin, source=self._ps_from())

    def _ps_from(self):
        """``(name, line)``: the variable this value is, or comes from (``None``: none)."""
        return self._ps_binding or self._ps_source

    def _ps_bind(self, name, line, local=False):
        """This value is now held by the variable ``name`` (bound at ``line``; ``local``: in a
        function).  Its first name stays, unless that was a function's local variable and
        this one is the script's (``x_train, y_train = split(data)``)."""
        if self._ps_binding is None or (self._ps_local and not local):
            object.__setattr__(self, "_ps_binding", (name, line))
            object.__setattr__(self, "_ps_local", local)
        return self

    def __repr__(self):
        return f"<unknown {self._ps_display()}>"

    __str__ = __repr__

    def __format__(self, spec):
        return repr(self)

    def __dir__(self):
        return sorted(self._ps_attributes)

    # -- passing it along: another unknown value -------------------------------------------
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        attributes = self._ps_attributes
        if name in attributes:
            return attributes[name]
        return self._ps_derived(f"{self._ps_display()}.{name}")

    def __setattr__(self, name, value):
        self._ps_attributes[name] = value

    def __delattr__(self, name):
        self._ps_attributes.pop(name, None)

    def __getitem__(self, key):
        return self._ps_derived(f"{self._ps_display()}[{_text_of(key)}]")

    def __setitem__(self, key, value):
        pass

    def __delitem__(self, key):
        pass

    def __call__(self, *args, **kwargs):
        return self._ps_derived(f"{self._ps_display()}(…)")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    __hash__ = object.__hash__

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return self._ps_derived(f"numpy.{ufunc.__name__}({_text_of(tuple(inputs))})")

    def __array_function__(self, func, types, args, kwargs):
        return self._ps_derived(f"numpy.{func.__name__}({_text_of(tuple(args))})")

    # -- needing the value: the statement stops ---------------------------------------------
    __bool__ = _value_needed("bool (its truth)")
    __len__ = _value_needed("len (its length)")
    __iter__ = _value_needed("iter (its items)")
    __next__ = _value_needed("next (its items)")
    __contains__ = _value_needed("contains (its items)")
    __int__ = _value_needed("int (a number)")
    __float__ = _value_needed("float (a number)")
    __complex__ = _value_needed("complex (a number)")
    __index__ = _value_needed("index (an integer)")
    __array__ = _value_needed("array (a NumPy array of its values)")
    __fspath__ = _value_needed("fspath (a file path)")
    __instancecheck__ = _value_needed("instancecheck (a class)")
    __subclasscheck__ = _value_needed("subclasscheck (a class)")
    __mro_entries__ = _value_needed("mro_entries (a base class)")
    __buffer__ = _value_needed("buffer (its bytes)")


def _unary(symbol):
    def operator(self):
        return self._ps_derived(f"{symbol}{self._ps_display()}")
    return operator


def _binary(symbol, reflected=False):
    def operator(self, other):
        left, right = (_text_of(other), self._ps_display()) if reflected else \
            (self._ps_display(), _text_of(other))
        return self._ps_derived(f"{left} {symbol} {right}")
    return operator


_BINARY = {"add": "+", "sub": "-", "mul": "*", "matmul": "@", "truediv": "/", "floordiv": "//",
           "mod": "%", "pow": "**", "lshift": "<<", "rshift": ">>", "and": "&", "xor": "^",
           "or": "|", "divmod": "divmod"}
for _name, _symbol in _BINARY.items():
    setattr(Unknown, f"__{_name}__", _binary(_symbol))
    setattr(Unknown, f"__r{_name}__", _binary(_symbol, reflected=True))
    if _name != "divmod":
        setattr(Unknown, f"__i{_name}__", _binary(_symbol))
for _name, _symbol in {"lt": "<", "le": "<=", "eq": "==", "ne": "!=", "gt": ">", "ge": ">="}.items():
    setattr(Unknown, f"__{_name}__", _binary(_symbol))
for _name, _symbol in {"neg": "-", "pos": "+", "abs": "abs ", "invert": "~", "round": "round ",
                       "trunc": "trunc ", "floor": "floor ", "ceil": "ceil "}.items():
    setattr(Unknown, f"__{_name}__", _unary(_symbol))
Unknown.__hash__ = object.__hash__
Unknown.__round__ = lambda self, ndigits=None: self._ps_derived(f"round({self._ps_display()})")


def find_unknown(values, depth=3):
    """The first unknown value among ``values`` (looking into lists, tuples and dicts)."""
    for value in values:
        if isinstance(value, Unknown):
            return value
        if depth and isinstance(value, (list, tuple)):
            found = find_unknown(value, depth - 1)
            if found is not None:
                return found
        elif depth and isinstance(value, dict):
            found = find_unknown(value.values(), depth - 1)
            if found is not None:
                return found
    return None


#: Layer arguments whose values never change shapes or parameter counts (when Keras
#: accepts them): an unknown value there does not stop the model.
_VALUE_ONLY_ARGUMENTS = ("weights",)
_VALUE_ONLY_SUFFIXES = ("_initializer", "_regularizer", "_constraint")


#: Arguments that take tensors or layers, which ``--set`` cannot give.
_TENSOR_ARGUMENTS = ("inputs", "outputs", "input_tensor", "tensor", "layers", "layer")


def _first_made():
    from ..layers.base import watch_unknown_values
    set_unknown_values_made(True)
    watch_unknown_values(check_arguments, call_result)


def forget():
    """The end of a run: no unknown values any more (the layer hooks cost nothing again)."""
    from ..layers.base import watch_unknown_values
    set_unknown_values_made(False)
    watch_unknown_values(None)


def check_arguments(owner, function, args, kwargs):
    """Stop a layer or model (``owner``) from receiving an unknown value."""
    kwargs = {k: v for k, v in kwargs.items()
              if k not in _VALUE_ONLY_ARGUMENTS and not k.endswith(_VALUE_ONLY_SUFFIXES)}
    found = find_unknown(list(args) + list(kwargs.values()))
    if found is None:
        return
    argument, whole = _argument_name(function, args, kwargs, found)
    if argument in _VALUE_ONLY_ARGUMENTS or (argument or "").endswith(_VALUE_ONLY_SUFFIXES):
        return
    owner = {"InputLayer": "keras.Input", "Functional": "keras.Model"}.get(owner, owner)
    needed_by = owner + (f" (argument {argument})" if argument else "")
    error = UnknownValueError(found, "building the model", needed_by=needed_by)
    error.as_shape = whole and "shape" in (argument or "")
    error.settable = function is not None and argument not in _TENSOR_ARGUMENTS
    raise error


def call_result(layer, args, kwargs):
    """A layer (or model) called on an unknown value gives an unknown value: calling it on
    data is computing, and a tensor that is unknown stays so; the model that would need it
    stops (``keras.Model(inputs, outputs)``)."""
    found = find_unknown(list(args) + list(kwargs.values()))
    if found is None:
        return None
    return found._ps_derived(f"{layer.name}({found._ps_display()})")


def _argument_name(function, args, kwargs, found):
    """``(name, whole)``: the parameter that receives ``found`` and whether it is the whole
    argument (``Input(shape=s)``) rather than a part (``Input(shape=(None, n))``)."""
    if function is None:
        return None, False
    for name, value in kwargs.items():
        if find_unknown((value,)) is found:
            return name, value is found
    import inspect
    try:
        bound = inspect.signature(function).bind_partial(None, *args)
    except (TypeError, ValueError):
        return None, False
    for name, value in bound.arguments.items():
        if find_unknown((value,)) is found:
            return name, value is found
    return None, False


def current_line():
    """The line of the running script that is executing now (``None`` outside a script)."""
    from ..modes import current_script
    path = current_script()
    frame = sys._getframe(1)
    while path is not None and frame is not None:
        if frame.f_code.co_filename == path:
            return frame.f_lineno
        frame = frame.f_back
    return None


def value_of(text, reason):
    """A new unknown value ``text``, unknown because the current line ``reason``
    (``"needs the values of mnist y_train, ..."``)."""
    return Unknown(text, Origin(current_line(), reason))


def derived(value, text):
    """An unknown value computed from the unknown ``value``."""
    return value._ps_derived(text)


def is_unknown(value):
    return isinstance(value, Unknown)


def origin_of(value):
    return value._ps_origin


def binding_of(value):
    return value._ps_binding


def text_of(value):
    return value._ps_text


def bind(value, name, line, local=False):
    """The unknown ``value`` is held by the variable ``name`` (see ``Unknown._ps_bind``)."""
    return value._ps_bind(name, line, local)


def source_of(value):
    """``(name, line)`` of the variable an unknown value is or comes from, or ``None``."""
    return value._ps_from()


def with_attributes(value, attributes):
    """``value`` with attributes known (``--set 'x.size=3'``)."""
    value._ps_attributes.update(attributes)
    return value
