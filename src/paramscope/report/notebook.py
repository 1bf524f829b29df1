"""Jupyter: whether code runs in a notebook kernel (as rich decides it, for Keras's summary
width) and the display methods of paramscope's objects."""

from __future__ import annotations

import os
import sys


def in_jupyter() -> bool:
    """True in a Jupyter kernel (and Colab, Databricks), as ``rich.console._is_jupyter``
    decides: the Console that Keras's summary prints with is then 115 columns wide."""
    if "IPython" not in sys.modules:
        return False
    import builtins
    get_ipython = getattr(builtins, "get_ipython", None)
    if get_ipython is None:
        return False
    shell = get_ipython()
    name = type(shell).__name__
    return ("google.colab" in str(type(shell)) or bool(os.getenv("DATABRICKS_RUNTIME_VERSION"))
            or name == "ZMQInteractiveShell")


def summary_html(summary) -> str:
    from .html import render
    return render(summary, expand_nested=True)


def summary_markdown(summary) -> str:
    from .markdown import render
    return render(summary, expand_nested=True)
