"""``--set NAME=VALUE`` and ``--set NAME.ATTR=VALUE``: values a user supplies for a script.

A script that computes a value from data paramscope does not have leaves it unknown
(:mod:`paramscope.keras.unknown`); ``--set num_classes=10`` gives it instead: wherever the
script would leave ``num_classes`` unknown (a skipped statement binding it, or one that
binds it to an unknown value), it gets ``10``; a name the script uses but never binds gets
it from the start.  ``--set 'x_train.shape=(60000, 28, 28)'`` makes ``x_train`` an array
known by that shape (:class:`paramscope.keras._data.ShapedArray`; ``x_train.dtype`` can be
set too); any other attribute (``--set 'args.units=64'``) is known on the unknown value.
A name the script gives its own known value keeps it: the script as written wins, and a
``--set`` that was never used is reported.  VALUE is a Python literal
(``ast.literal_eval``): a number, a string, a tuple, a list, a dict, ``None``...
"""

from __future__ import annotations

from ..errors import ParamscopeError
from ..textsafe import safe_text


class Settings:
    """The ``--set`` options of a run."""

    def __init__(self, options=()):
        self.values = {}       # name -> value
        self.attributes = {}   # name -> {attribute: value}
        self.texts = {}        # name -> what the user wrote, for messages
        self.used = set()
        for option in options:
            self._add(option)
        self.names = set(self.values) | set(self.attributes)

    def _add(self, option):
        target, equals, text = option.partition("=")
        shown = safe_text(option)  # quoted in messages (a command line can hold anything)
        target = target.strip()
        name, dot, attribute = target.partition(".")
        if not equals or not name.isidentifier() or (dot and not attribute.isidentifier()):
            raise ParamscopeError(
                f"--set {shown}: expected NAME=VALUE or NAME.ATTRIBUTE=VALUE, e.g. "
                "--set num_classes=10 or --set 'x_train.shape=(60000, 28, 28)'.")
        value = _literal(shown, text)
        if dot:
            if name in self.values:
                raise ParamscopeError(f"--set {shown}: {name} is already set to a value.")
            self.attributes.setdefault(name, {})[attribute] = value
            if attribute == "shape":
                _check_shape(shown, value)
        else:
            if name in self.attributes:
                raise ParamscopeError(f"--set {shown}: attributes of {name} are already set.")
            self.values[name] = value
        self.texts.setdefault(name, []).append(f"{target}={text.strip()}")
        extra = set(self.attributes.get(name, {})) - {"shape", "dtype"}
        if "shape" in self.attributes.get(name, {}) and extra:
            raise ParamscopeError(
                f"--set {shown}: {name}.shape makes {name} an array known by its shape; only "
                f"{name}.dtype can be set with it.")

    def shown(self, name):
        return ", ".join(self.texts[name])

    def value(self, name, origin=None):
        """The value ``name`` gets instead of an unknown one."""
        self.used.add(name)
        if name in self.values:
            return self.values[name]
        attributes = self.attributes[name]
        if "shape" in attributes:
            from ._data import ShapedArray
            return ShapedArray(attributes["shape"], attributes.get("dtype"), name)
        from .unknown import Origin, Unknown
        origin = origin or Origin(None, "is given only some attributes with --set")
        return Unknown(name, origin, binding=(name, origin.line), attributes=attributes)

    def bind_unassigned(self, namespace, bound, read):
        """Names the script reads but never binds get their values before it starts."""
        for name in sorted((self.names & set(read)) - set(bound)):
            namespace[name] = self.value(name)

    def unused(self):
        """What the user set that the script never needed (``--set`` texts)."""
        return [text for name in sorted(self.names - self.used) for text in self.texts[name]]


def _literal(option, text):
    import ast
    try:
        return ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        raise ParamscopeError(
            f"--set {option}: the value must be a Python literal (a number, a string in quotes, "
            "a tuple such as (28, 28, 1), a list, True/False/None).") from None


def _check_shape(option, value):
    if not isinstance(value, (tuple, list)) or not all(
            isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in value):
        raise ParamscopeError(
            f"--set {option}: a shape is a tuple of non-negative integers, e.g. (60000, 28, 28).")
