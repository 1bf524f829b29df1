"""``keras.saving``: Keras 3's serialization of objects to config dicts, and back.

``serialize_keras_object`` gives what Keras gives (``{"module", "class_name", "config",
"registered_name"}`` for a public class, the registered name for a custom one), and
``deserialize_keras_object`` rebuilds objects from such configs, from the Keras classes
paramscope provides, registered custom objects and ``custom_objects``.  Only a script's own
values are deserialized here (model files are read by :mod:`paramscope.formats`, which
never executes anything).
"""

from __future__ import annotations

import types

from ..errors import ParamscopeError
from . import _api

#: ``register_keras_serializable`` registrations: name -> object and object -> name.
GLOBAL_CUSTOM_OBJECTS: dict = {}
GLOBAL_CUSTOM_NAMES: dict = {}
_scope = {"custom_objects": {}}

_PLAIN_TYPES = (str, int, float, bool)


def get_custom_objects():
    return GLOBAL_CUSTOM_OBJECTS


def register_keras_serializable(package="Custom", name=None):
    def decorator(arg):
        class_name = name if name is not None else arg.__name__
        registered_name = f"{package}>{class_name}"
        if isinstance(arg, type) and not hasattr(arg, "get_config"):
            raise ParamscopeError(
                "Cannot register a class that does not have a get_config() method.")
        GLOBAL_CUSTOM_OBJECTS[registered_name] = arg
        GLOBAL_CUSTOM_NAMES[arg] = registered_name
        return arg
    return decorator


def get_registered_name(obj):
    if obj in GLOBAL_CUSTOM_NAMES:
        return GLOBAL_CUSTOM_NAMES[obj]
    return obj.__name__


def get_registered_object(name, custom_objects=None, module_objects=None):
    if name in _scope["custom_objects"]:
        return _scope["custom_objects"][name]
    if name in GLOBAL_CUSTOM_OBJECTS:
        return GLOBAL_CUSTOM_OBJECTS[name]
    if custom_objects and name in custom_objects:
        return custom_objects[name]
    if module_objects and name in module_objects:
        return module_objects[name]
    return None


class CustomObjectScope:
    """``with keras.saving.CustomObjectScope({"MyLayer": MyLayer}): ...``"""

    def __init__(self, custom_objects):
        self.custom_objects = custom_objects or {}
        self.backup = None

    def __enter__(self):
        self.backup = dict(_scope["custom_objects"])
        _scope["custom_objects"] = dict(self.custom_objects)
        return self

    def __exit__(self, *args, **kwargs):
        _scope["custom_objects"] = dict(self.backup)


custom_object_scope = CustomObjectScope


# -- serializing -----------------------------------------------------------------------------

def serialize_keras_object(obj):
    """Keras's ``serialize_keras_object`` (keras/src/saving/serialization_lib.py)."""
    if obj is None or isinstance(obj, _PLAIN_TYPES):
        return obj
    if isinstance(obj, (list, tuple)):
        items = [serialize_keras_object(x) for x in obj]
        return tuple(items) if isinstance(obj, tuple) else items
    if isinstance(obj, dict):
        return serialize_dict(obj)
    if isinstance(obj, bytes):
        return {"class_name": "__bytes__", "config": {"value": obj.decode("utf-8")}}
    if isinstance(obj, slice):
        return {"class_name": "__slice__", "config": {
            "start": serialize_keras_object(obj.start), "stop": serialize_keras_object(obj.stop),
            "step": serialize_keras_object(obj.step)}}
    if obj is Ellipsis:
        return {"class_name": "__ellipsis__", "config": {}}
    if type(obj).__module__ == "numpy":
        if getattr(obj, "ndim", 0) > 0:
            from ..dtypes import standardize_dtype
            return {"class_name": "__numpy__", "config": {
                "value": obj.tolist(), "dtype": standardize_dtype(obj.dtype)}}
        return obj.item()
    if isinstance(obj, types.FunctionType) and obj.__name__ == "<lambda>":
        return {"class_name": "__lambda__", "config": {"value": "<lambda bytecode>"}}
    inner = _class_or_fn_config(obj)
    # For a function too: Keras looks up the public name of its class (``function``), finds
    # none, and records the class's own name (``registered_name: "function"``).
    return serialize_with_public_class(obj.__class__, inner)


def serialize_dict(obj):
    return {key: serialize_keras_object(value) for key, value in obj.items()}


def _class_or_fn_config(obj):
    if isinstance(obj, types.FunctionType):
        return get_registered_name(obj)
    if hasattr(obj, "get_config"):
        config = obj.get_config()
        if not isinstance(config, dict):
            raise TypeError(f"The `get_config()` method of {obj} should return a dict. It "
                            f"returned: {config}")
        return serialize_dict(config)
    if hasattr(obj, "__name__"):
        return get_registered_name(obj)
    raise TypeError(f"Cannot serialize object {obj} of type {type(obj)}. To be serializable, "
                    "a class must implement the `get_config()` method.")


def serialize_with_public_class(cls, inner_config=None):
    path = _api.public_path(cls)
    if path is None:
        # Keras: the registered name, else the class's own name (so never None here).
        return {"module": cls.__module__, "class_name": cls.__name__, "config": inner_config,
                "registered_name": get_registered_name(cls)}
    module, _, name = path.rpartition(".")
    return {"module": module, "class_name": name, "config": inner_config,
            "registered_name": None}


def serialize_with_public_fn(fn, config, fn_module_name=None):
    if fn_module_name:
        return {"module": fn_module_name, "class_name": "function", "config": config,
                "registered_name": config}
    path = _api.public_path(fn)
    if path:
        return {"module": path.rpartition(".")[0], "class_name": "function", "config": config,
                "registered_name": config}
    registered = GLOBAL_CUSTOM_NAMES.get(fn)
    if not registered and fn.__module__ != "builtins":
        return None
    return {"module": fn.__module__, "class_name": "function", "config": config,
            "registered_name": registered or fn.__name__}


# -- deserializing ---------------------------------------------------------------------------

def deserialize_keras_object(config, custom_objects=None, safe_mode=True, **kwargs):
    """Keras's ``deserialize_keras_object``, for the objects paramscope provides."""
    module_objects = kwargs.pop("module_objects", None)
    custom_objects = {**(custom_objects or {}), **_scope["custom_objects"],
                      **GLOBAL_CUSTOM_OBJECTS}
    if config is None:
        return None
    if isinstance(config, str) and custom_objects.get(config) is not None:
        return custom_objects[config]
    if isinstance(config, (list, tuple)):
        return [deserialize_keras_object(x, custom_objects=custom_objects) for x in config]
    if module_objects is not None:
        found, resolved = _from_module_objects(config, module_objects, custom_objects)
        if found:
            return resolved
        config = resolved
    if isinstance(config, _PLAIN_TYPES):
        return config
    if not isinstance(config, dict):
        raise TypeError(f"Could not parse config: {config}")
    if "class_name" not in config or "config" not in config:
        return {key: deserialize_keras_object(value, custom_objects=custom_objects)
                for key, value in config.items()}
    return _deserialize_class(config, custom_objects, safe_mode)


def _from_module_objects(config, module_objects, custom_objects):
    """The ``module_objects`` branch: ``(True, object)`` when resolved there, else
    ``(False, config)`` to go on with."""
    inner_config, fn_module_name, has_custom = None, None, False
    if isinstance(config, dict):
        inner_config = config.get("config")
        if "class_name" not in config:
            raise ParamscopeError(f"Unknown `config` as a `dict`, config={config}")
        if custom_objects and (config["class_name"] in custom_objects
                               or config.get("registered_name") in custom_objects
                               or (isinstance(inner_config, str)
                                   and inner_config in custom_objects)):
            has_custom = True
        elif config["class_name"] == "function":
            fn_module_name = config["module"]
            config = config["config"] if fn_module_name == "builtins" else config["registered_name"]
        else:
            if config.get("module", "_") is None:
                raise TypeError(
                    f"Cannot deserialize object of type `{config['class_name']}`. If "
                    f"`{config['class_name']}` is a custom class, please register it using "
                    "the `@keras.saving.register_keras_serializable()` decorator.")
            config = config["class_name"]
    if has_custom:
        return False, config
    if config not in module_objects:
        return True, config
    target = module_objects[config]
    if isinstance(target, types.FunctionType):
        return True, deserialize_keras_object(
            serialize_with_public_fn(target, config, fn_module_name),
            custom_objects=custom_objects)
    return True, deserialize_keras_object(
        serialize_with_public_class(target, inner_config=inner_config),
        custom_objects=custom_objects)


def _deserialize_class(config, custom_objects, safe_mode):
    class_name = config["class_name"]
    inner = config["config"] if config["config"] is not None else {}
    if class_name == "__bytes__":
        return inner["value"].encode("utf-8")
    if class_name == "__ellipsis__":
        return Ellipsis
    if class_name == "__slice__":
        return slice(*(deserialize_keras_object(inner[k], custom_objects=custom_objects)
                       for k in ("start", "stop", "step")))
    if class_name == "__lambda__":
        raise ParamscopeError(
            "Requested the deserialization of a Python lambda. paramscope never runs code "
            "from serialized configs; pass the function itself instead.")
    if class_name == "__numpy__":
        try:
            import numpy
        except ImportError:
            raise ParamscopeError("A serialized NumPy array needs NumPy: pip install numpy.") from None
        return numpy.array(inner["value"], dtype=inner["dtype"])
    module = config.get("module")
    registered_name = config.get("registered_name", class_name)
    if class_name == "function":
        if not isinstance(inner, str):
            raise TypeError("Expected 'config' to be a non-null str for a function "
                            f"classname,\ninstead got {type(inner)}\nFull config: {config}")
        return _retrieve(inner, registered_name, module, "function", config, custom_objects)
    if not isinstance(inner, dict):
        raise TypeError(f"Expected 'config' to be a dict for {class_name},\ninstead got "
                        f"{type(inner)}\nFull config: {config}")
    cls = _retrieve(class_name, registered_name, module, "class", config, custom_objects)
    if isinstance(cls, types.FunctionType):
        return cls
    if not hasattr(cls, "from_config"):
        raise TypeError(f"Unable to reconstruct an instance of '{class_name}' because the "
                        f"class is missing a `from_config()` method. Full object config: "
                        f"{config}")
    with CustomObjectScope(custom_objects):
        return cls.from_config(inner)


def _retrieve(name, registered_name, module, obj_type, full_config, custom_objects):
    found = get_registered_object(name if obj_type == "function" else registered_name,
                                  custom_objects=custom_objects)
    if found is not None:
        return found
    if module and (module == "keras" or module.startswith("keras.")):
        if _api.entry(module, name) is not None:
            return getattr(_api.facade_module(module), name)
    if obj_type == "function" and module == "builtins":
        for mod in ("activations", "constraints", "initializers", "losses", "metrics",
                    "regularizers"):
            if _api.entry(f"keras.{mod}", name) is not None:
                return getattr(_api.facade_module(f"keras.{mod}"), name)
    raise TypeError(
        f"Could not locate {obj_type} '{name}'. Make sure custom classes and functions are "
        "decorated with `@keras.saving.register_keras_serializable()`. If they are already "
        "decorated, make sure they are all imported so that the decorator is run before "
        f"trying to load them. Full object config: {full_config}")


# -- model files -------------------------------------------------------------------------------

def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Read a ``.keras``/``.h5``/JSON model file's architecture (never its code or values)."""
    from ..formats import load
    return load(filepath)


def __getattr__(name):
    return _api.missing_name("keras.saving", name)


def __dir__():
    return sorted(set(_api.public_names("keras.saving")) | set(globals()))
