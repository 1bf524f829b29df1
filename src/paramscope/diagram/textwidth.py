"""Text width from a built-in table (no font engine): see tools/make_font_widths.py.

>>> round(text_width("Dense", 12), 1)
37.9
>>> text_width("Dense", 12, bold=True) > text_width("Dense", 12)
True
"""

from __future__ import annotations

from .fontwidths import BOLD, REGULAR

#: The font stack the widths are valid for (the table keeps the wider of its first and last
#: named fonts per character).
FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

#: Characters outside the table (CJK, emoji, ...) count as one em: wider than most glyphs.
UNKNOWN_WIDTH = 1000


def text_width(text, size, bold=False):
    """Width in pixels of ``text`` set at ``size`` pixels."""
    table = BOLD if bold else REGULAR
    return sum(table.get(ch, UNKNOWN_WIDTH) for ch in text) * size / 1000.0
