"""Tables (rich/table.py, rich/_ratio.py, rich/box.py, rich/padding.py): column widths
and the box-drawn lines of a table."""

from .cells import is_single_cell
from .segment import BOLD, adjust_line_length, combine_styles, emit, get_line_length
from .text import make_text, wrap

_BOXES = {  # rich.box: HEAVY_HEAD; SQUARE (its legacy-Windows substitute); ASCII (non-UTF-8)
    "heavy_head": "┏━┳┓┃ ┃┃┡━╇┩│ ││├─┼┤├─┼┤│ ││└─┴┘",
    "square": "┌─┬┐│ ││├─┼┤│ ││├─┼┤├─┼┤│ ││└─┴┘",
    "ascii": "+--+| |||-+|| |||-+||-+|| ||+--+",
}


class Column:
    """A table column: header (str or spans), fixed content width, justification."""

    __slots__ = ("header", "width", "justify")

    def __init__(self, header, width: int, justify: str = "left"):
        if justify not in ("left", "center", "right", "default"):
            raise ValueError(f"unsupported justify {justify!r}")
        if width < 0:
            raise ValueError("column width must be >= 0")
        self.header, self.width, self.justify = header, width, justify

    def __repr__(self) -> str:
        return f"Column({self.header!r}, {self.width!r}, {self.justify!r})"


def _ratio_reduce(total, ratios, maximums, values):
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    total_remaining, result = total, []
    for ratio, maximum, value in zip(ratios, maximums, values):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * total_remaining / total_ratio))
            result.append(value - distributed)
            total_remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _ratio_distribute(total, ratios):
    from math import ceil
    total_ratio = sum(ratios)
    if total_ratio <= 0:
        raise ValueError("cannot distribute width over zero-width columns")
    total_remaining, result = total, []
    for ratio in ratios:
        distributed = ceil(ratio * total_remaining / total_ratio) if total_ratio > 0 \
            else total_remaining
        result.append(distributed)
        total_ratio -= ratio
        total_remaining -= distributed
    return result


def _column_widths(content_widths, max_width: int, expand: bool):
    """Table._calculate_column_widths for fixed-width columns with padding (0, 1)."""
    def measure(content_width, available):  # Table._measure_column
        return 0 if available < 1 else min(content_width + 2, available)

    widths = [measure(w, max_width) or 1 for w in content_widths]
    table_width = sum(widths)
    if table_width > max_width:
        # _collapse_widths only shrinks columns without a fixed width: none here.
        widths = _ratio_reduce(table_width - max_width, [1] * len(widths), widths, widths)
        table_width = sum(widths)
        widths = [measure(w, width) for w, width in zip(content_widths, widths)]
    if table_width < max_width and expand:
        pads = _ratio_distribute(max_width - table_width, widths)
        widths = [width + pad for width, pad in zip(widths, pads)]
    return widths


def _cell_lines(cell, width: int, justify: str, style):
    """Console.render_lines(Padding(cell, (0, 1)), width, style=style), then the
    Segment.set_shape of Table._render: lines of segments ``width`` cells long."""
    content_width = width - 2
    if content_width < 1:
        return []
    if style is None:
        # A one-line cell of plain ASCII that fits: what the general path below
        # computes, without building text objects (most cells of a summary).
        fast = _fast_row((cell,), (content_width,), (justify,))
        if fast is not None:
            return [[(fast[0], None)]]
    lines = []
    for line in wrap(make_text(cell), content_width, justify, "ellipsis"):
        segments = line.segments()
        plain = line.plain
        length = len(plain) if is_single_cell(plain) else get_line_length(segments)
        exact = length == content_width
        if not exact:
            segments = adjust_line_length(segments, content_width)
            exact = length < content_width  # padded: exactly content_width now
        segments = [(" ", None), *segments, (" ", None)]
        if style is not None:
            segments = [(text, combine_styles(style, segment_style)) for text, segment_style in segments]
        if not exact and get_line_length(segments) != width:
            segments = adjust_line_length(segments, width, style)
            if get_line_length(segments) != width:
                segments = adjust_line_length(segments, width)
        lines.append(segments)
    return lines


def _plain_text(cell):
    """A cell of ``(text, style)`` pieces as one str (when the styles are not shown)."""
    if cell is None or cell.__class__ is str:
        return cell
    try:
        pieces = [piece for piece, _ in cell]
    except (TypeError, ValueError):
        return cell
    if all(piece.__class__ is str for piece in pieces):
        text = "".join(pieces)
        if text.isascii() and text.isprintable():  # cell widths are plain lengths
            return text
    return cell


def render_table(columns, rows, width=None, console_width: int = 80, color: bool = False,
                 *, show_lines: bool = True, box: str = "heavy_head") -> str:
    """``console.print(Table(*columns, width=width, show_lines=show_lines))`` as a str.

    ``columns`` are :class:`Column`; each row is a sequence of cells (str, spans or
    None), padded with empty cells when short.  ``width=None`` lets the table size
    itself.  ``box`` is "heavy_head" (rich's default), "square" (what rich uses on
    legacy Windows consoles) or "ascii" (what it uses when the output encoding is
    not UTF-8).  Lines wider than ``console_width`` are cropped, as rich does.
    """
    if console_width < 1:
        return ""
    if not columns:
        return "\n"
    top, head, head_rule, mid, row_rule, _foot_rule, foot, bottom = _box_lines(box)
    ncols = len(columns)
    max_width = console_width if width is None else width
    widths = _column_widths([c.width for c in columns], max(0, max_width - (ncols + 1)),
                            width is not None)
    justifies = [c.justify for c in columns]
    all_rows = _header_and_rows(columns, rows)
    row_separator = _rule(row_rule, widths) if show_lines else None
    last_index = len(all_rows) - 1
    content_widths = [w - 2 for w in widths]
    fast_ok = min(content_widths) >= 1
    out = [_rule(top, widths)]
    for index, row in enumerate(all_rows):
        header = index == 0
        edges = head if header else foot if index == last_index else mid
        line = None
        if not color:  # styles are not printed: a cell of styled pieces is its text
            row = [_plain_text(cell) for cell in row]
            if fast_ok and not header:
                line = _fast_row(row, content_widths, justifies)
        if line is not None:
            # The whole row is one line of plain cells: the same text as _row_lines makes.
            out.append(edges[0] + edges[2].join(line) + edges[3])
        else:
            out += _row_lines(row, widths, justifies, edges, header)
        if header:
            out.append(_rule(head_rule, widths))
        elif row_separator and index != last_index:
            out.append(row_separator)
    out.append(_rule(bottom, widths))
    if sum(widths) + ncols + 1 > console_width:
        out = [adjust_line_length([(line, None)] if line.__class__ is str else line,
                                  console_width, pad=False) for line in out]
    return emit(out, color)


def _box_lines(box: str):
    """The eight lines of a rich box (top, head, head row, mid, row, foot row, foot,
    bottom), each four characters: left edge, horizontal (or space), divider, right."""
    chars = _BOXES[box]
    return [chars[start:start + 4] for start in range(0, 32, 4)]


def _rule(edges: str, widths):
    """A horizontal line of the table, as a line of one segment."""
    left, horizontal, cross, right = edges
    return [(left + cross.join(horizontal * w for w in widths) + right, None)]


def _header_and_rows(columns, rows):
    """The header row, then each row padded with empty cells to the number of columns."""
    ncols = len(columns)
    all_rows = [[c.header for c in columns]]
    for row in rows:
        row = list(row)
        if len(row) > ncols:
            raise ValueError(f"row has {len(row)} cells for {ncols} columns")
        all_rows.append(row + [None] * (ncols - len(row)))
    return all_rows


def _row_lines(row, widths, justifies, edges: str, header: bool):
    """The lines of segments of one row: its cells wrapped, made the same height (the
    header's aligned to the bottom, as Table._render does), joined by the box edges."""
    style = BOLD if header else None
    cells = [_cell_lines(cell, w, j, style) for cell, w, j in zip(row, widths, justifies)]
    row_height = max(len(lines) for lines in cells)
    max_height = max(1, row_height)
    for i, (lines, w) in enumerate(zip(cells, widths)):
        if len(lines) != max_height:
            extra = [[(" " * w, style)]] * (row_height - len(lines))
            lines = extra + lines if header else lines + extra  # header: align bottom
            lines += [[(" " * w, None)]] * (max_height - len(lines))  # Segment.set_shape
            cells[i] = lines
    left, divider, right = [(edges[0], None)], [(edges[2], None)], [(edges[3], None)]
    out = []
    for line_no in range(max_height):
        line = left + cells[0][line_no]
        for lines in cells[1:]:
            line += divider
            line += lines[line_no]
        out.append(line + right)
    return out


def _fast_row(row, content_widths, justifies):
    """The padded cells of a row whose cells are all one-line plain ASCII that fits
    (what :func:`_cell_lines` makes of them), else None."""
    cells = []
    for cell, width, justify in zip(row, content_widths, justifies):
        if cell is None:
            cell = ""
        elif not (cell.__class__ is str and len(cell) <= width and cell.isascii()
                  and cell.isprintable()):
            return None
        if justify == "right":
            cell = cell.rstrip().rjust(width)
        elif justify == "center":
            cell = cell.rstrip()
            cell = (" " * ((width - len(cell)) // 2) + cell).ljust(width)
        else:
            cell = cell.ljust(width)
        cells.append(" " + cell + " ")
    return cells
