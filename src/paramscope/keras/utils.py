"""``keras.utils``: what summarising needs; the rest says it needs Keras."""

import sys as _sys

from ._placeholders import module as _module


def plot_model(model, to_file="model.png", *args, **kwargs):
    """Skipped: drawing needs pydot and graphviz. Prints a note on stderr."""
    print(f"paramscope: skipped keras.utils.plot_model(to_file={to_file!r}); use "
          "`paramscope summary` for the architecture.", file=_sys.stderr)


def set_random_seed(seed):
    """Accepted (nothing here is random)."""


_sys.modules[__name__] = _module("keras.utils", __doc__, __file__, plot_model=plot_model,
                                 set_random_seed=set_random_seed)
