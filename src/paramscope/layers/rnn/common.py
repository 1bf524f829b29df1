"""What the recurrent layers and wrappers share: explained totals, rates, units, and
inner layers through their config (Keras's ``serialize_keras_object``)."""

from __future__ import annotations

from ...explanation import Number, Subject, line
from ...errors import LayerError
from .. import args as A
from ..base import Layer


def explained(label, arithmetic, total):
    """``label: <the cell's arithmetic> = total``."""
    return line(Subject(label), arithmetic, " = ", Number(total))


def checked_rate(value, name, owner):
    """Keras clips dropout rates to [0, 1]: ``min(1.0, max(0.0, rate))``."""
    if not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise LayerError(f"{owner}: `{name}` must be a number between 0 and 1. Received: "
                         f"{name}={value!r}")
    return min(1.0, max(0.0, float(value)))


def serialize_sublayer(layer):
    """``serialize_keras_object(layer)``; in memory it also remembers the class."""
    out = {"module": "keras.layers", "class_name": type(layer).__name__,
           "config": layer.get_config(), "registered_name": None,
           "_paramscope_class": type(layer)}
    shapes_dict = layer._build_shapes_dict if layer.built else None
    if shapes_dict:
        if len(shapes_dict) == 1:
            out["build_config"] = {"input_shape": next(iter(shapes_dict.values()))}
        else:
            out["build_config"] = {"shapes_dict": dict(shapes_dict)}
    return out


def deserialize_sublayer(value, what="layer"):
    """A layer from ``serialize_sublayer`` output or from a model file's ``{"class_name", "config"}``."""
    if value is None or isinstance(value, Layer):
        return value
    if isinstance(value, dict) and "class_name" in value:
        cls = value.get("_paramscope_class")
        if cls is None:
            from ...formats.config import deserialize_layer
            return deserialize_layer(value)
        layer = cls.from_config(dict(value.get("config") or {}))
        build = value.get("build_config") or {}
        if not layer.built and build.get("input_shape") is not None:
            layer.build_from_shape(build["input_shape"])
        elif not layer.built and build.get("shapes_dict"):
            layer.build(**build["shapes_dict"])
            layer._build_shapes_dict = dict(build["shapes_dict"])
            layer.built = True
        return layer
    raise LayerError(f"expected a {what} (a Keras layer or its config), received {value!r:.80}")


def checked_units(units, cls, name):
    """Keras: ``units <= 0`` is a ValueError (and a non-number fails); named after the layer."""
    return A.positive_int(units, "units", A.owner_of(cls, name))


def describe_value(obj):
    if isinstance(obj, Layer):
        return f"{type(obj).__name__} '{obj.name}'"
    return repr(obj)[:80]
