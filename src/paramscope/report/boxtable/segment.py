"""Styles and segments (rich/style.py, rich/segment.py).

A style is None (the null style) or (attribute bits, colour); a line is a list of
``(text, style)`` segments, or a str for a line of unstyled text.
"""

from .cells import cell_len, set_cell_size

_ATTRIBUTES = {"bold": 1, "dim": 2, "italic": 4, "underline": 8, "blink": 16,
               "reverse": 64, "strike": 256}
_SGR_ATTRIBUTES = ((1, "1"), (2, "2"), (4, "3"), (8, "4"), (16, "5"), (64, "7"), (256, "9"))
_style_cache: dict = {}
_sgr_cache: dict = {}


def parse_style(definition: str):
    """The style a definition such as ``"bold color(3)"`` names (rich's Style.parse)."""
    try:
        return _style_cache[definition]
    except KeyError:
        pass
    bits, color = 0, None
    for word in definition.lower().split():
        if word in _ATTRIBUTES:
            bits |= _ATTRIBUTES[word]
        elif word.startswith("color(") and word.endswith(")") and word[6:-1].isdigit() \
                and int(word[6:-1]) < 256:
            color = int(word[6:-1])
        elif word != "none":
            raise ValueError(f"unsupported style {definition!r}")
    style = (bits, color) if bits or color is not None else None
    _style_cache[definition] = style
    return style


def combine_styles(base, style):
    """``base + style`` (the second wins)."""
    if style is None:
        return base
    if base is None:
        return style
    return (base[0] | style[0], base[1] if style[1] is None else style[1])


def _sgr(style) -> str:
    codes = _sgr_cache.get(style)
    if codes is None:
        bits, color = style
        parts = [code for bit, code in _SGR_ATTRIBUTES if bits & bit]
        if color is not None:
            if color < 8:
                parts.append(str(30 + color))
            elif color < 16:
                parts.append(str(82 + color))
            else:
                parts.append(f"38;5;{color}")
        codes = _sgr_cache[style] = ";".join(parts)
    return codes


BOLD = (1, None)  # rich's "table.header" theme style


def get_line_length(line) -> int:
    """Cells of a line, summed segment by segment as rich does."""
    total = 0
    for text, _ in line:
        total += cell_len(text)
    return total


def adjust_line_length(line, length: int, style=None, pad: bool = True):
    """Segment.adjust_line_length: pad or crop a line to ``length`` cells."""
    line_length = get_line_length(line)
    if line_length < length:
        return line + [(" " * (length - line_length), style)] if pad else line[:]
    if line_length > length:
        new_line, line_length = [], 0
        for text, segment_style in line:
            segment_length = cell_len(text)
            if line_length + segment_length < length:
                new_line.append((text, segment_style))
                line_length += segment_length
            else:
                new_line.append((set_cell_size(text, length - line_length), segment_style))
                break
        return new_line
    return line[:]


def emit(lines, color: bool) -> str:
    """What Console._render_buffer writes for lines of segments, each ending in "\\n"."""
    out = []
    append = out.append
    for line in lines:
        if line.__class__ is str:  # a line of unstyled text
            append(line)
            append("\n")
            continue
        for text, style in line:
            if color and style is not None and text:
                codes = _sgr(style)
                append(f"\x1b[{codes}m{text}\x1b[0m" if codes else text)
            else:
                append(text)
        append("\n")
    return "".join(out)
