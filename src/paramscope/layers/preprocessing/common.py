"""The argument checks the preprocessing layers share, as Keras's."""

from __future__ import annotations

from ...errors import LayerError, describe_layer


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) or (
        hasattr(x, "__float__") and not isinstance(x, (str, bytes, list, tuple, dict)))


def factor_pair(factor, bounds, name, owner, number_pair=None, check_each=None):
    """Keras's ``_set_factor``: a number or a pair, within ``bounds``; returns ``(lower, upper)``.

    ``number_pair(f)`` turns a single number into the pair (default
    ``(max(-|f|, low), |f|)``); ``check_each`` checks each number against the
    bounds (default: the pair may overlap them, a number must lie inside).
    """
    low, high = bounds
    message = (f"{owner}: the `{name}` argument should be a number (or a list of two numbers) "
               f"in the range [{low}, {high}]. Received: {name}={factor!r}")
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2 or not all(is_number(f) for f in factor):
            raise LayerError(message)
        if check_each is not None:
            for f in factor:
                if not check_each(f):
                    raise LayerError(message)
        elif factor[0] > high or factor[1] < low:
            raise LayerError(message)
        lower, upper = sorted(factor)
        return lower, upper
    if is_number(factor):
        if check_each is not None:
            if not check_each(factor):
                raise LayerError(message)
        elif factor < low or factor > high:
            raise LayerError(message)
        if number_pair is not None:
            return number_pair(factor)
        factor = abs(factor)
        return max(-factor, low), factor
    raise LayerError(message)


def checked_value_range(value_range, owner):
    if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
        raise LayerError(
            f"{owner}: the `value_range` argument should be a list of two numbers, e.g. "
            f"value_range=(0, 255). Received: value_range={value_range!r}")
    return sorted(value_range)


def check_choice(value, options, name, owner, error=LayerError):
    if value not in options:
        raise error(f"{owner}: unknown `{name}` {value!r}. Expected one of "
                    f"{tuple(sorted(options)) if isinstance(options, (set, frozenset)) else tuple(options)}.")
    return value


def check_dims(layer, shape):
    """An output shape whose sizes are not all ints/None is not a shape (Keras: ValueError)."""
    for d in shape:
        if d is not None and (isinstance(d, bool) or not isinstance(d, int) or d < 0):
            raise LayerError(
                f"Layer {describe_layer(layer)}: cannot make the output shape {tuple(shape)!r}: "
                f"{d!r} is not a valid size (sizes are non-negative integers). Pass integer "
                "height/width.", layer)
    return tuple(shape)


def autocast_dtype(layer, dtype):
    """The dtype an input has after Keras's input conversion (floats go to the compute dtype)."""
    if layer.autocast and "float" in dtype and dtype != layer.compute_dtype:
        return layer.compute_dtype
    return dtype


class ConfigMixin:
    """``get_config`` from attributes listed in ``_config_keys``."""

    _config_keys = ()

    def get_config(self):
        config = super().get_config()
        for key in self._config_keys:
            value = getattr(self, key)
            config[key] = list(value) if isinstance(value, tuple) else value
        return config


def in_unit(f):
    return 0.0 <= f <= 1.0


def string_arg(value, allowed, name, owner, allow_none=False, allow_callables=False):
    """Keras's ``validate_string_arg``."""
    if value is None and allow_none:
        return value
    if callable(value) and allow_callables:
        return value
    if isinstance(value, str) and value in allowed:
        return value
    extra = (" or None" if allow_none else "") + (" or a callable" if allow_callables else "")
    raise LayerError(f"{owner}: unknown value for `{name}` argument. Allowed values are: "
                     f"{', '.join(repr(a) for a in allowed)}{extra}. Received: {name}={value!r}")


def checked_salt(salt, owner, what):
    if salt is None:
        return None
    if isinstance(salt, (tuple, list)) and len(salt) == 2:
        return list(salt)
    if isinstance(salt, int) and not isinstance(salt, bool):
        return [salt, salt]
    raise LayerError(f"{owner}: the `salt` argument for `{what}` can only be a tuple of size 2 "
                     f"integers, or a single integer. Received: salt={salt!r}.")


def checked_output_mode(output_mode, owner):
    """The ``output_mode`` of the lookups and TextVectorization, with Keras's aliases
    resolved (``"binary"``: ``"multi_hot"``, ``"tf-idf"``: ``"tf_idf"``) and checked."""
    if output_mode == "binary":
        output_mode = "multi_hot"
    if output_mode == "tf-idf":
        output_mode = "tf_idf"
    string_arg(output_mode, ("int", "one_hot", "multi_hot", "count", "tf_idf"),
               "output_mode", owner)
    return output_mode
