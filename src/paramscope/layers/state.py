"""Where a layer's state lives: Keras's name scopes (variable paths) and seed generators.

Keras 3 gives every variable a *path*: the name scopes open when it was created, then its
name (``spectral_normalization/dense/kernel``).  A layer opens its scope (its name) while it
builds and while it is called, so the weights of a layer built inside another layer's build
or call have paths under it; a layer remembers the path it was first built under
(``_parent_path``), so re-used later (a cell shared by two RNNs) it keeps its paths
(keras/src/backend/common/name_scope.py, ``Layer._open_name_scope``).

A random layer (Dropout, RandomFlip, an RNN cell, ...) owns a :class:`SeedGenerator` whose
state is a variable (``seed_generator_3/seed_generator_state``, two uint32): in the layer's
``variables`` and ``non_trainable_variables``, never in its ``weights`` or parameter count
(keras/src/random/seed_generator.py).
"""

from __future__ import annotations

from .. import naming
from ..errors import ParamscopeError

#: The open name scopes, outermost first (``SCOPES[-1].path`` is the current path).
SCOPES: list = []


class name_scope:
    """A sub-namespace for variable paths (Keras's ``backend.name_scope``)."""

    __slots__ = ("name", "caller", "override_parent", "path", "_pushed")

    def __init__(self, name, caller=None, override_parent=None):
        self.name = name
        self.caller = caller
        if override_parent is None and caller is not None:
            override_parent = getattr(caller, "_parent_path", None)
        self.override_parent = override_parent
        self._pushed = False

    def __enter__(self):
        if SCOPES:
            top = SCOPES[-1]
            if self.caller is not None and top.caller is self.caller and top.name == self.name:
                return self  # the same layer's scope is already open
            parent = top.path
        else:
            parent = ""
        if self.override_parent is not None:  # a path current_path() gave: no empty parts
            parent = self.override_parent
        # current_path() with this scope open, computed once.
        self.path = f"{parent}/{self.name}" if parent else self.name
        SCOPES.append(self)
        self._pushed = True
        return self

    def __exit__(self, *exc):
        if self._pushed and SCOPES:
            SCOPES.pop()
        return False


def current_path() -> str:
    """The open scopes' path (``outer/inner``); Keras's ``current_path``."""
    return SCOPES[-1].path if SCOPES else ""


def variable_path(owner_name, owner, variable_name) -> str:
    """The path of a variable ``owner`` creates now (``add_weight``)."""
    if SCOPES and SCOPES[-1].caller is owner and SCOPES[-1].name == owner_name:
        return f"{SCOPES[-1].path}/{variable_name}"  # inside the owner's build or call
    with name_scope(owner_name, caller=owner) as scope:
        return f"{scope.path}/{variable_name}"


class _AlreadyOpen:
    """The context of a scope that is already the innermost one (nothing to do)."""

    __slots__ = ()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


_ALREADY_OPEN = _AlreadyOpen()


def open_layer_scope(layer):
    """``Layer._open_name_scope``: the layer's scope; the first time, note where it is."""
    if SCOPES and SCOPES[-1].caller is layer and SCOPES[-1].name == layer.name:
        return _ALREADY_OPEN
    if layer.__dict__.get("_parent_path") is None:
        object.__setattr__(layer, "_parent_path", current_path())
    return name_scope(layer.name, caller=layer)


def reset() -> None:
    """``clear_session``: no scope is open."""
    SCOPES.clear()


class SeedGenerator:
    """``keras.random.SeedGenerator`` (keras/src/random/seed_generator.py): a seed and its
    state, a ``(2,)`` uint32 variable (JAX) named ``seed_generator_state`` under the
    generator's name in the scopes open when it is made; not a weight (summaries do not
    count it).  A layer that holds one has its state in ``non_trainable_variables``."""

    def __init__(self, seed=None, name=None, **kwargs):
        from .base import Weight
        if name is None:
            name = naming.auto_name(type(self).__name__)
        self.name = name
        kwargs.pop("backend", None)
        if kwargs:
            raise ParamscopeError(f"Unrecognized keyword arguments: {kwargs}")
        self._initial_seed = seed
        if seed is not None and not isinstance(seed, int):
            raise ParamscopeError(f"Argument `seed` must be an integer. Received: seed={seed}")
        state = Weight("seed_generator_state", (2,), "uint32", trainable=False)
        with name_scope(self.name, caller=self) as scope:
            state._path = f"{scope.path}/seed_generator_state"
        self.state = state

    def next(self, ordered=True):
        """The next seed: a ``(2,)`` uint32 tensor known by its shape."""
        from ..ops import Constant
        return Constant((2,), "uint32")

    def get_config(self):
        return {"seed": self._initial_seed, "name": self.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<SeedGenerator name={self.name}>"
