"""Every import path of Keras 3.15, from the index of its public API (``_api_index.py``).

paramscope implements what decides a model's shapes and parameters (layers, models, the
training configuration scripts pass around); the rest of Keras's public API still has to
*import*, as scripts import it at the top.  A name paramscope does not implement becomes a
stand-in built from the index: a class that takes Keras's constructor arguments (checked
against Keras's signature) and whose methods say they need real computation, or a function
that checks its arguments and says so when called.  ``keras.Foo`` that is not in Keras 3.15
is an AttributeError naming it.

>>> from paramscope.keras import _api
>>> Sequence = _api.stand_in("keras.utils", "PyDataset")
>>> Sequence.__name__, Sequence.__module__
('PyDataset', 'keras.utils')
>>> class Data(Sequence):
...     def __len__(self):
...         return 10
>>> len(Data(workers=2))
10
"""

from __future__ import annotations

import importlib
import types

from ..errors import NeedsComputationError, NotInKerasError

_cache: dict = {}
_modules: dict = {}


def _index():
    return importlib.import_module("paramscope.keras._api_index")


def _keras_version():
    from ._api_modules import KERAS_VERSION
    return KERAS_VERSION


def _module_rows(module):
    return _index().API.get(module, {})


def entry(module: str, name: str):
    """The index row ``[kind, alias_of, base, params]`` of ``module.name``, or None."""
    return _module_rows(module).get(name)


def public_names(module: str):
    return sorted(_module_rows(module))


def is_public_module(path: str) -> bool:
    from ._api_modules import MODULES
    return path in MODULES


# -- arguments ---------------------------------------------------------------------------

def bind(params, args, kwargs, owner):
    """Bind a call's arguments to Keras's parameters, as Python would: ``{name: value}``
    with the defaults filled in (``**kwargs`` collected under its own name).

    Raises TypeError with Python's wording where Python would (``owner`` is the function's
    name as Python prints it, e.g. ``EarlyStopping.__init__``)."""
    required = _index().REQUIRED
    positional = [p for p in params if p[1] in ("/", "p")]
    var_args = next((p[0] for p in params if p[1] == "*"), None)
    var_kwargs = next((p[0] for p in params if p[1] == "**"), None)
    bound = {}
    extra = []
    for i, value in enumerate(args):
        if i < len(positional):
            bound[positional[i][0]] = value
        elif var_args is not None:
            extra.append(value)
        else:
            offset = 1 if owner.endswith("__init__") else 0
            low = sum(1 for p in positional if p[2] == required) + offset
            high = len(positional) + offset
            takes = f"{high}" if low == high else f"from {low} to {high}"
            raise TypeError(f"{owner}() takes {takes} positional argument"
                            f"{'' if high == 1 else 's'} but {len(args) + offset} were given")
    rest = {}
    names = {p[0]: p[1] for p in params}
    for key, value in kwargs.items():
        kind = names.get(key)
        if kind in ("p", "k"):
            if key in bound:
                raise TypeError(f"{owner}() got multiple values for argument '{key}'")
            bound[key] = value
        elif var_kwargs is not None:
            rest[key] = value
        else:
            raise TypeError(f"{owner}() got an unexpected keyword argument '{key}'")
    missing = [p[0] for p in params if p[1] in ("/", "p", "k") and p[0] not in bound
               and p[2] == required]
    if missing:
        kind = "keyword-only" if all(names[m] == "k" for m in missing) else "positional"
        shown = " and ".join(", ".join(repr(m) for m in missing).rsplit(", ", 1))
        raise TypeError(f"{owner}() missing {len(missing)} required {kind} argument"
                        f"{'' if len(missing) == 1 else 's'}: {shown}")
    out = {}
    for name, kind, default in params:
        if kind == "*":
            out[name] = tuple(extra)
        elif kind == "**":
            out[name] = rest
        else:
            out[name] = bound[name] if name in bound else default
    return out


def needs_computation(path, what=None):
    """The error a stand-in raises when it is used."""
    shown = f"{path}(...).{what}()" if what else f"{path}()"
    return NeedsComputationError(
        f"{shown} needs real computation (tensors, data or a backend), which paramscope does "
        "not do: it computes a model's shapes and parameters. Run this part with Keras "
        "installed.")


# -- stand-in classes and functions ----------------------------------------------------------

class StandIn:
    """Base of the stand-in classes: Keras's constructor arguments are checked and kept
    (``get_config()``); any other public method needs real computation."""

    _keras_path = "keras.StandIn"
    _keras_params = ()

    def __init__(self, *args, **kwargs):
        cls = type(self)
        params = next((c.__dict__["_keras_params"] for c in cls.__mro__
                       if "_keras_params" in c.__dict__), ())
        owner = next(c for c in cls.__mro__ if "_keras_params" in c.__dict__)
        config = bind(params, args, kwargs, f"{owner.__name__}.__init__")
        self.__dict__["_stand_in_config"] = config
        base_init = getattr(self, "_stand_in_init", None)
        if base_init is not None:  # a real paramscope base class sets itself up
            base_init(config)
        for key, value in config.items():
            if key not in ("args", "kwargs") and key not in self.__dict__:
                self.__dict__.setdefault(key, value)

    def get_config(self):
        config = dict(self.__dict__.get("_stand_in_config", {}))
        config.pop("args", None)
        config.update(config.pop("kwargs", None) or {})
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __call__(self, *args, **kwargs):
        raise needs_computation(type(self)._keras_path, "__call__")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        path = type(self)._keras_path

        def method(*args, **kwargs):
            raise needs_computation(path, name)
        method.__name__ = name
        return method

    def __repr__(self):
        return f"<{type(self)._keras_path} (paramscope stand-in)>"


class LayerStandIn:
    """A Keras layer or model that wraps another framework's objects (JaxLayer,
    TFSMLayer, TorchModuleWrapper, ...): paramscope cannot know its weights or shapes."""

    _keras_path = "keras.layers.Layer"

    def __init__(self, *args, **kwargs):
        raise NeedsComputationError(
            f"{type(self)._keras_path} wraps objects of another framework (a JAX/Flax "
            "function, a TensorFlow SavedModel, a PyTorch module, ...) whose weights and "
            "output shapes paramscope cannot know without running it. Run this part with "
            "Keras installed.")


def _resolve_path(path):
    """The facade's object at a public path such as ``keras.callbacks.Callback``."""
    module, _, name = path.rpartition(".")
    return getattr(facade_module(module), name)


def _make_class(module, name, row):
    _, _, base_path, params = row
    base = _resolve_path(base_path) if base_path else None
    from ..layers.base import Layer
    if base is None:
        bases = (StandIn,)
    elif issubclass(base, (StandIn, LayerStandIn)):
        bases = (base,)
    elif issubclass(base, Layer):
        bases = (LayerStandIn, base)
    else:
        bases = (StandIn, base)
    namespace = {"__module__": module, "__qualname__": name, "_keras_path": f"{module}.{name}",
                 "_keras_params": params or (), "__doc__": f"``{module}.{name}`` (a stand-in: "
                 "its arguments are checked; using it needs real computation)."}
    return type(name, bases, namespace)


def _make_function(module, name, row):
    params = row[3]
    path = f"{module}.{name}"

    def function(*args, **kwargs):
        if params is not None:
            bind(params, args, kwargs, name)
        raise needs_computation(path)

    function.__name__ = function.__qualname__ = name
    function.__module__ = module
    function.__doc__ = f"``{path}``: needs real computation (a stand-in)."
    return function


def stand_in(module: str, name: str):
    """The stand-in for ``module.name`` (cached: the same object each time)."""
    key = f"{module}.{name}"
    if key in _cache:
        return _cache[key]
    row = entry(module, name)
    if row is None:
        raise NotInKerasError(f"{key} is not part of Keras {_keras_version()}'s public API.")
    kind, alias_of = row[0], row[1]
    if kind == "module":
        value = facade_module(alias_of)
    elif alias_of is not None and alias_of != key:
        value = _resolve_path(alias_of)
    elif kind == "class":
        value = _make_class(module, name, row)
    else:
        value = _make_function(module, name, row)
    _cache[key] = value
    return value


# -- modules ---------------------------------------------------------------------------------

class ApiModule(types.ModuleType):
    """A public Keras module paramscope has no module for (``keras.distribution``...):
    its names are stand-ins, plus any ``members`` given."""

    def __init__(self, name, members=None):
        super().__init__(name, f"``{name}`` (Keras {_keras_version()}; stand-ins).")
        self.__path__ = []
        for key, value in (members or {}).items():
            setattr(self, key, value)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return missing_name(self.__name__, name)

    def __dir__(self):
        return sorted(set(public_names(self.__name__)) | set(self.__dict__))


def missing_name(module: str, name: str):
    """``module.name`` for a facade module's ``__getattr__``: the stand-in from the index,
    or an AttributeError (a MissingAPIError) naming it."""
    if name.startswith("_"):  # no public Keras name does (and `from . import _x` asks)
        raise AttributeError(name)
    if is_public_module(f"{module}.{name}"):
        return facade_module(f"{module}.{name}")
    if entry(module, name) is None:
        raise NotInKerasError(
            f"module {module!r} has no attribute {name!r}: {module}.{name} is not part of "
            f"Keras {_keras_version()}'s public API.")
    return stand_in(module, name)


def facade_module(path: str):
    """paramscope's module for a public Keras module path (``keras.optimizers.schedules``)."""
    if path in _modules:
        return _modules[path]
    if path == "keras":
        module = importlib.import_module("paramscope.keras")
    else:
        parent_path, _, last = path.rpartition(".")
        parent = facade_module(parent_path)
        try:
            module = importlib.import_module(f"paramscope.{path}")
        except ImportError:
            module = None
        if module is None and parent_path != "keras":  # (keras.X itself would recurse)
            try:
                module = getattr(parent, last)
            except Exception:  # noqa: BLE001 - a facade module's __getattr__ refusing the name
                module = None
        if not isinstance(module, types.ModuleType):
            module = ApiModule(path)
    _modules[path] = module
    return module


def public_path(obj):
    """Keras's canonical public path of a class or function paramscope provides
    (``keras.optimizers.Adam``, ``keras.Loss``), or None (a script's own class)."""
    module = getattr(obj, "__module__", None) or ""
    name = getattr(obj, "__name__", None)
    if name is None:
        return None
    if module.startswith("paramscope.keras"):
        module = module[len("paramscope."):]
    elif module.startswith("paramscope.layers"):
        module = "keras.layers"
    elif module == "paramscope.graph":
        module = "keras"
    elif not (module == "keras" or module.startswith("keras.")):
        return None
    row = entry(module, name)
    if row is None or row[0] not in ("class", "function"):
        return None
    path = row[1] or f"{module}.{name}"
    try:
        same = _resolve_path(path) is obj
    except AttributeError:
        same = False
    return path if same else None

