"""Model diagrams drawn by paramscope itself: no Graphviz, no pydot, no browser.

- :mod:`.graph`: a plain description (boxes with lines of text, edges, nested groups);
- :mod:`.layout`: a layered (Sugiyama-style) layout of it (:mod:`.rank`, :mod:`.order`,
  :mod:`.position`);
- :mod:`.svg` / :mod:`.dot`: the writers;
- :mod:`.from_model`: a model as a diagram (the only module that reads the engine);
- :mod:`.plot`: ``plot_model`` (Keras's signature) and what ``paramscope plot`` uses.
"""

from __future__ import annotations

from .from_model import Options, model_diagram
from .graph import Diagram, Edge, Group, Node, Row
from .layout import Layout, Spacing
from .plot import DiagramImage, plot_model, render_model

__all__ = ["Diagram", "DiagramImage", "Edge", "Group", "Layout", "Node", "Options", "Row",
           "Spacing", "model_diagram", "plot_model", "render_model"]
