"""``get``/``serialize``/``deserialize`` of the identifier modules (initializers, regularizers,
constraints, activations, losses, metrics), as each Keras module defines them."""

from __future__ import annotations

from ..errors import ParamscopeError
from ..naming import to_snake_case


def objects_dict(classes, extra=None):
    """Keras's ``ALL_OBJECTS_DICT``: class names and their snake_case forms (and aliases)."""
    objects = {cls.__name__: cls for cls in classes}
    objects.update({to_snake_case(cls.__name__): cls for cls in classes})
    objects.update(extra or {})
    return objects


def serialize(obj):
    from .saving import serialize_keras_object
    return serialize_keras_object(obj)


def deserializer(objects):
    def deserialize(config, custom_objects=None):
        from .saving import deserialize_keras_object
        return deserialize_keras_object(config, module_objects=objects(),
                                        custom_objects=custom_objects)
    return deserialize


def getter(kind, objects, deserialize, strings_by_config=False):
    """Keras's ``get(identifier)``: None, a config dict, a name, or the object itself (a
    class is instantiated).  ``strings_by_config``: a name is deserialized as a config
    (initializers); otherwise it is looked up in the objects (regularizers, constraints)."""
    def get(identifier):
        if identifier is None:
            return None
        if isinstance(identifier, dict):
            obj = deserialize(identifier)
        elif isinstance(identifier, str):
            if strings_by_config:
                obj = deserialize({"class_name": str(identifier), "config": {}})
            else:
                obj = objects().get(identifier, None)
        else:
            obj = identifier
        if callable(obj):
            if isinstance(obj, type):
                obj = obj()
            return obj
        raise ParamscopeError(f"Could not interpret {kind} identifier: {identifier}")
    return get
