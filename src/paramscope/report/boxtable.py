"""Box-drawn tables and lines printed exactly as rich 15 prints them, without rich.

Keras 3 renders ``model.summary()`` with ``rich.table.Table(*columns, width=...,
show_lines=True)`` and ``rich.console.Console.print``.  Importing rich costs more
than paramscope's whole start-up budget, so this module re-implements the small
part of rich involved, byte for byte:

* ``render_table(columns, rows, width, console_width, color=False)`` is what
  ``Console(highlight=False, force_terminal=False, color_system=None,
  width=console_width).print(table)`` writes (``color=False``), or the same with
  ``force_terminal=True, color_system="256"`` (``color=True``).
* ``render_line(text, console_width, color=False)`` is what ``console.print``
  writes for one line of text (wrapped, and long words folded, at the console
  width).
* ``console_width(environ, terminal_size)`` is the width a rich ``Console()``
  detects.

Both renderers return every output line terminated by ``"\\n"`` (so the result
ends with ``"\\n"``), exactly the characters ``console.print`` writes; a console
narrower than one cell prints nothing and they return ``""``.

How the widths combine (as in rich): a table ``width`` replaces the console
width when the columns are laid out.  Each column asks for its width plus 2
(padding), capped at ``width - borders``; if they ask for more, every column
gives back an equal share (``ratio_reduce``), and a table narrower than
``width`` is widened in proportion to the columns (``ratio_distribute``).  The
rendered lines are then cropped, not wrapped, at the console width.  Plain
lines are word-wrapped at the console width, words longer than it are folded.

Text is a ``str`` (printed as is: no markup, no emoji codes) or a list of
``(text, style)`` spans; a style is None or a space-separated mix of ``bold``,
``dim``, ``italic``, ``underline``, ``blink``, ``reverse``, ``strike``,
``color(N)`` (N in 0..255) and ``none``.  Only the columns' ``justify`` values
``left``, ``center``, ``right`` and ``default`` are supported, and every column
has a fixed width (as in Keras).

The algorithms (cell widths, Text.wrap / divide / truncate, Lines.justify,
Table._calculate_column_widths, ratio_reduce / ratio_distribute, Segment
cropping and padding, Style rendering, Console size detection) are ported from
rich 15.0.0, https://github.com/Textualize/rich, Copyright (c) 2020 Will
McGugan, MIT License.  The cell width table is rich's "latest" (Unicode 17.0.0);
rich's ``UNICODE_VERSION`` environment variable is not honoured.
"""

__all__ = ["Column", "render_table", "render_line", "console_width", "cell_len"]

# --------------------------------------------------------------------------
# Cell widths (rich/cells.py)

_SINGLE_CELLS = frozenset(
    chr(c)
    for a, b in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482),
                 (0x2500, 0x25FC), (0x2800, 0x28FF))
    for c in range(a, b + 1)
)
_is_single_cell = _SINGLE_CELLS.issuperset
_ZWJ, _VS16 = "\u200d", "\ufe0f"
_table = None  # (starts, ends, widths, narrow_to_wide), decoded on first use
_char_cache: dict = {}
_len_cache: dict = {}


def _load_table():
    global _table
    entries = []
    for width, data in ((0, _ZERO_WIDTH), (2, _DOUBLE_WIDTH)):
        for token in data.split():
            a, _, b = token.partition("-")
            entries.append((int(a, 16), int(b or a, 16), width))
    entries.sort()
    narrow_to_wide = set()
    for token in _NARROW_TO_WIDE.split():
        a, _, b = token.partition("-")
        narrow_to_wide.update(map(chr, range(int(a, 16), int(b or a, 16) + 1)))
    _table = ([e[0] for e in entries], [e[1] for e in entries], [e[2] for e in entries],
              frozenset(narrow_to_wide))
    return _table


def _char_width(character: str) -> int:
    """rich.cells.get_character_cell_size: 0, 1 or 2."""
    width = _char_cache.get(character)
    if width is None:
        codepoint = ord(character)
        if codepoint and codepoint < 32 or 0x7F <= codepoint < 0xA0:
            width = 0
        else:
            starts, ends, widths, _ = _table or _load_table()
            width = 1
            if codepoint <= ends[-1]:
                lo, hi = 0, len(starts) - 1
                while lo <= hi:
                    mid = (lo + hi) >> 1
                    if codepoint < starts[mid]:
                        hi = mid - 1
                    elif codepoint > ends[mid]:
                        lo = mid + 1
                    else:
                        width = widths[mid]
                        break
        _char_cache[character] = width
    return width


def cell_len(text: str) -> int:
    """Cells needed to display ``text`` (rich.cells.cell_len)."""
    if _is_single_cell(text):
        return len(text)
    total = _len_cache.get(text)
    if total is not None:
        return total
    if _ZWJ not in text and _VS16 not in text:
        total = sum(map(_char_width, text))
    else:
        narrow_to_wide = (_table or _load_table())[3]
        total, last, index, count = 0, None, 0, len(text)
        while index < count:
            character = text[index]
            if character == _ZWJ:
                index += 1
            elif character == _VS16:
                if last:
                    total += last in narrow_to_wide
                    last = None
            else:
                width = _char_width(character)
                if width:
                    last = character
                    total += width
            index += 1
    if len(text) < 512:
        if len(_len_cache) > 4096:
            _len_cache.clear()
        _len_cache[text] = total
    return total


def _split_graphemes(text: str):
    """rich.cells.split_graphemes: [(start, end, cells)] and the total cells."""
    narrow_to_wide = (_table or _load_table())[3]
    count, index, last, total, spans = len(text), 0, None, 0, []
    while index < count:
        character = text[index]
        if character == _ZWJ or character == _VS16:
            if not spans:
                spans.append((index, index + 1, 0))
                index += 1
                continue
            if character == _ZWJ:
                index += 2 if index < count - 1 else 1
                start, _, cells = spans[-1]
                spans[-1] = (start, index, cells)
            else:
                index += 1
                start, _, cells = spans[-1]
                if last and last in narrow_to_wide:
                    last = None
                    cells += 1
                    total += 1
                spans[-1] = (start, index, cells)
            continue
        width = _char_width(character)
        if width:
            last = character
            spans.append((index, index + 1, width))
            total += width
        elif spans:
            start, _, cells = spans[-1]
            spans[-1] = (start, index + 1, cells)
        else:
            spans.append((index, index + 1, 0))
        index += 1
    return spans, total


def _split_text(text: str, cell_position: int):
    """rich.cells._split_text (a wide character cut in two becomes two spaces)."""
    if cell_position <= 0:
        return "", text
    spans, cell_length = _split_graphemes(text)
    offset = int((cell_position / cell_length) * len(spans))
    left_size = sum(span[2] for span in spans[:offset])
    while True:
        if left_size == cell_position:
            if offset >= len(spans):
                return text, ""
            split_index = spans[offset][0]
            return text[:split_index], text[split_index:]
        if left_size < cell_position:
            start, end, cell_size = spans[offset]
            if left_size + cell_size > cell_position:
                return text[:start] + " ", " " + text[end:]
            offset += 1
            left_size += cell_size
        else:
            start, end, cell_size = spans[offset - 1]
            if left_size - cell_size < cell_position:
                return text[:start] + " ", " " + text[end:]
            offset -= 1
            left_size -= cell_size


def _set_cell_size(text: str, total: int) -> str:
    """rich.cells.set_cell_size: crop or pad with spaces to ``total`` cells."""
    if _is_single_cell(text):
        size = len(text)
        if size < total:
            return text + " " * (total - size)
        return text[:total]
    if total <= 0:
        return ""
    cell_size = cell_len(text)
    if cell_size == total:
        return text
    if cell_size < total:
        return text + " " * (total - cell_size)
    return _split_text(text, total)[0]


def _chop_cells(text: str, width: int):
    """rich.cells.chop_cells: fold ``text`` into pieces at most ``width`` wide."""
    if _is_single_cell(text):
        return [text[index:index + width] for index in range(0, len(text), width)]
    spans, _ = _split_graphemes(text)
    line_size, lines, line_offset = 0, [], 0
    for start, _end, cell_size in spans:
        if line_size + cell_size > width:
            lines.append(text[line_offset:start])
            line_offset = start
            line_size = 0
        line_size += cell_size
    if line_size:
        lines.append(text[line_offset:])
    return lines


# --------------------------------------------------------------------------
# Styles (rich/style.py): None is the null style, otherwise (attribute bits, colour)

_ATTRIBUTES = {"bold": 1, "dim": 2, "italic": 4, "underline": 8, "blink": 16,
               "reverse": 64, "strike": 256}
_SGR_ATTRIBUTES = ((1, "1"), (2, "2"), (4, "3"), (8, "4"), (16, "5"), (64, "7"), (256, "9"))
_style_cache: dict = {}
_sgr_cache: dict = {}


def _parse_style(definition: str):
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


def _add(base, style):
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


_BOLD = (1, None)  # rich's "table.header" theme style

# --------------------------------------------------------------------------
# Text (rich/text.py, rich/_wrap.py, rich/containers.py)

_STRIP_CONTROL = {7: None, 8: None, 11: None, 12: None, 13: None}


class _Text:
    """A rich ``Text``: plain string and spans ``(start, end, style)``."""

    __slots__ = ("plain", "spans")

    def __init__(self, plain: str, spans=None):
        self.plain = plain
        self.spans = [] if spans is None else spans

    def set_plain(self, new: str) -> None:  # the ``Text.plain`` setter
        if new != self.plain:
            old_length = len(self.plain)
            self.plain = new
            if old_length > len(new):
                end = len(new)
                self.spans = [(s, e if e < end else end, st) for s, e, st in self.spans if s < end]

    def divide(self, offsets):
        plain = self.plain
        if not offsets:
            return [_Text(plain, self.spans[:])]
        bounds = [0, *offsets, len(plain)]
        ranges = list(zip(bounds, bounds[1:]))
        lines = [_Text(plain[a:b]) for a, b in ranges]
        for start, end, style in self.spans:
            for line, (a, b) in zip(lines, ranges):
                if a >= end:
                    break
                new_start, new_end = max(0, start - a), min(end - a, b - a)
                if new_end > new_start:
                    line.spans.append((new_start, new_end, style))
        return lines

    def right_crop(self, amount: int) -> None:
        end = len(self.plain) - amount
        self.spans = [(s, e if e < end else end, st) for s, e, st in self.spans if s < end]
        self.plain = self.plain[:-amount]

    def rstrip_end(self, size: int) -> None:
        length = len(self.plain)
        if length > size:
            whitespace = length - len(self.plain.rstrip())
            if whitespace:
                self.right_crop(min(whitespace, length - size))

    def truncate(self, max_width: int, overflow: str, pad: bool = False) -> None:
        length = cell_len(self.plain)
        if length > max_width:
            if overflow == "ellipsis":
                self.set_plain(_set_cell_size(self.plain, max_width - 1) + "…")
            else:
                self.set_plain(_set_cell_size(self.plain, max_width))
        if pad and length < max_width:
            self.plain += " " * (max_width - length)

    def pad_left(self, count: int) -> None:
        if count:
            self.set_plain(" " * count + self.plain)
            self.spans = [(s + count, e + count, st) for s, e, st in self.spans]

    def pad_right(self, count: int) -> None:
        if count:
            self.set_plain(self.plain + " " * count)

    def expand_tabs(self, tab_size: int = 8) -> None:
        plain = self.plain
        parts = self.divide([i + 1 for i, c in enumerate(plain) if c == "\t"])
        if plain.endswith("\t"):
            parts.pop()
        position, text, spans = 0, [], []
        for part in parts:
            if part.plain.endswith("\t"):
                part.plain = part.plain[:-1] + " "
                position += cell_len(part.plain)
                remainder = position % tab_size
                if remainder:
                    spaces = tab_size - remainder
                    end = len(part.plain)
                    part.spans = [(s, e + spaces if e >= end else e, st)
                                  for s, e, st in part.spans]
                    part.plain += " " * spaces
                    position += spaces
            else:
                position += cell_len(part.plain)
            offset = sum(map(len, text))
            spans.extend((s + offset, e + offset, st) for s, e, st in part.spans)
            text.append(part.plain)
        self.plain, self.spans = "".join(text), spans

    def segments(self):
        """The (text, style) runs ``Text.render`` cuts this line into: the text is cut
        at every span edge, each run styled by the spans covering it, in span order."""
        plain, spans = self.plain, self.spans
        if not plain:
            return []
        if not spans:
            return [(plain, None)]
        result, position = [], 0
        for start, end, style in spans:  # fast path: spans in order, not overlapping
            if start < position:
                break
            if start > position:
                result.append((plain[position:start], None))
            if end > start:
                result.append((plain[start:end], style))
            position = end
        else:
            if position < len(plain):
                result.append((plain[position:], None))
            return result
        bounds = {0, len(plain)}
        for start, end, _ in spans:
            bounds.add(start)
            bounds.add(end)
        bounds = sorted(bounds)
        result = []
        for a, b in zip(bounds, bounds[1:]):
            style = None
            for start, end, span_style in spans:
                if start <= a and end >= b:
                    style = _add(style, span_style)
            result.append((plain[a:b], style))
        return result


def _make_text(text) -> _Text:
    """A ``_Text`` from a str or a list of (text, style) spans, as Text.append builds it."""
    if text is None:
        return _Text("")
    if isinstance(text, str):
        return _Text(text.translate(_STRIP_CONTROL))
    text = list(text)
    parts, spans, offset = [], [], 0
    for piece, style in text:
        if piece:
            if style:
                spans.append((offset, offset + len(piece), _parse_style(style)))
            parts.append(piece)
            offset += len(piece)
    plain = "".join(parts)
    if not _is_single_cell(plain) and len(plain.translate(_STRIP_CONTROL)) != len(plain):
        # Text.append strips control codes from each piece (its span may become empty)
        parts, spans, offset = [], [], 0
        for piece, style in text:
            if piece:
                piece = piece.translate(_STRIP_CONTROL)
                if style:
                    spans.append((offset, offset + len(piece), _parse_style(style)))
                parts.append(piece)
                offset += len(piece)
        plain = "".join(parts)
    return _Text(plain, spans)


def _words(text: str):
    """rich._wrap.words: (start, end, word) for each match of ``\\s*\\S+\\s*``.

    Found with ``str.split`` and ``str.find`` (``\\s`` and ``str.isspace`` agree), not
    character by character: a 60 MB name is split in C.
    """
    bounds, index = [], 0
    for word in text.split():
        index = text.find(word, index)
        bounds.append(index)
        index += len(word)
    bounds.append(len(text))
    position = 0
    for k in range(len(bounds) - 1):
        end = bounds[k + 1]
        yield position, end, text[position:end]
        position = end


def _divide_line(text: str, width: int, fold: bool):
    """rich._wrap.divide_line: offsets at which to break ``text``."""
    breaks = []
    cell_offset = 0
    for start, _end, word in _words(text):
        word_length = cell_len(word.rstrip())
        if width - cell_offset >= word_length:
            cell_offset += cell_len(word)
        elif word_length > width:
            if fold:
                folded = _chop_cells(word, width)
                for index, line in enumerate(folded):
                    if start:
                        breaks.append(start)
                    if index == len(folded) - 1:
                        cell_offset = cell_len(line)
                    else:
                        start += len(line)
            else:
                if start:
                    breaks.append(start)
                cell_offset = cell_len(word)
        elif cell_offset and start:
            breaks.append(start)
            cell_offset = cell_len(word)
    return breaks


def _wrap(text: _Text, width: int, justify: str, overflow: str):
    """rich Text.wrap (never no_wrap) followed by Lines.justify and truncate."""
    plain = text.plain
    if "\n" in plain:
        offsets = []
        for index, character in enumerate(plain):
            if character == "\n":
                offsets += (index, index + 1)
        pieces = [line for line in text.divide(offsets) if line.plain != "\n"]
    else:
        pieces = [text]
    result = []
    for line in pieces:
        if "\t" in line.plain:
            line.expand_tabs()
        if _is_single_cell(line.plain) and len(line.plain) <= width:
            new_lines = [line]  # fits: divide_line would find no break
        else:
            new_lines = line.divide(_divide_line(line.plain, width, overflow == "fold"))
            for new_line in new_lines:
                new_line.rstrip_end(width)
        for new_line in new_lines:
            if justify == "left":
                new_line.truncate(width, overflow, pad=True)
            elif justify == "center":
                new_line.set_plain(new_line.plain.rstrip())
                new_line.truncate(width, overflow)
                new_line.pad_left((width - cell_len(new_line.plain)) // 2)
                new_line.pad_right(width - cell_len(new_line.plain))
            elif justify == "right":
                new_line.set_plain(new_line.plain.rstrip())
                new_line.truncate(width, overflow)
                new_line.pad_left(width - cell_len(new_line.plain))
            new_line.truncate(width, overflow)
        result.extend(new_lines)
    return result


# --------------------------------------------------------------------------
# Segments (rich/segment.py): a line is a list of (text, style)


def _line_length(line) -> int:
    """Cells of a line, summed segment by segment as rich does."""
    total = 0
    for text, _ in line:
        total += cell_len(text)
    return total


def _adjust_line_length(line, length: int, style=None, pad: bool = True):
    """Segment.adjust_line_length: pad or crop a line to ``length`` cells."""
    line_length = _line_length(line)
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
                new_line.append((_set_cell_size(text, length - line_length), segment_style))
                break
        return new_line
    return line[:]


def _emit(lines, color: bool) -> str:
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


# --------------------------------------------------------------------------
# Tables (rich/table.py, rich/_ratio.py, rich/box.py, rich/padding.py)

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
    for line in _wrap(_make_text(cell), content_width, justify, "ellipsis"):
        segments = line.segments()
        plain = line.plain
        length = len(plain) if _is_single_cell(plain) else _line_length(segments)
        exact = length == content_width
        if not exact:
            segments = _adjust_line_length(segments, content_width)
            exact = length < content_width  # padded: exactly content_width now
        segments = [(" ", None), *segments, (" ", None)]
        if style is not None:
            segments = [(text, _add(style, segment_style)) for text, segment_style in segments]
        if not exact and _line_length(segments) != width:
            segments = _adjust_line_length(segments, width, style)
            if _line_length(segments) != width:
                segments = _adjust_line_length(segments, width)
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
    chars = _BOXES[box]
    (top_left, top, top_divider, top_right, head_left, _, head_vertical, head_right,
     head_row_left, head_row_horizontal, head_row_cross, head_row_right,
     mid_left, _, mid_vertical, mid_right, row_left, row_horizontal, row_cross, row_right,
     _, _, _, _, foot_left, _, foot_vertical, foot_right,
     bottom_left, bottom, bottom_divider, bottom_right) = chars
    ncols = len(columns)
    max_width = console_width if width is None else width
    widths = _column_widths([c.width for c in columns], max(0, max_width - (ncols + 1)),
                            width is not None)
    justifies = [c.justify for c in columns]

    def rule(left, horizontal, cross, right):
        return [(left + cross.join(horizontal * w for w in widths) + right, None)]

    out = [rule(top_left, top, top_divider, top_right)]
    all_rows = [[c.header for c in columns]]
    for row in rows:
        row = list(row)
        if len(row) > ncols:
            raise ValueError(f"row has {len(row)} cells for {ncols} columns")
        all_rows.append(row + [None] * (ncols - len(row)))
    row_separator = rule(row_left, row_horizontal, row_cross, row_right) if show_lines else None
    last_index = len(all_rows) - 1
    content_widths = [w - 2 for w in widths]
    fast_ok = min(content_widths) >= 1
    for index, row in enumerate(all_rows):
        header = index == 0
        style = _BOLD if header else None
        if not color:  # styles are not printed: a cell of styled pieces is its text
            row = [_plain_text(cell) for cell in row]
            if fast_ok and not header:
                line = _fast_row(row, content_widths, justifies)
                if line is not None:
                    # The whole row is one line of plain cells: the same text as below.
                    left, right = (foot_left, foot_right) if index == last_index \
                        else (mid_left, mid_right)
                    out.append(left + (mid_vertical if index != last_index
                                       else foot_vertical).join(line) + right)
                    if row_separator and index != last_index:
                        out.append(row_separator)
                    continue
        cells = [_cell_lines(cell, w, j, style) for cell, w, j in zip(row, widths, justifies)]
        row_height = max(len(lines) for lines in cells)
        max_height = max(1, row_height)
        for i, (lines, w) in enumerate(zip(cells, widths)):
            if len(lines) != max_height:
                extra = [[(" " * w, style)]] * (row_height - len(lines))
                lines = extra + lines if header else lines + extra  # header: align bottom
                lines += [[(" " * w, None)]] * (max_height - len(lines))  # Segment.set_shape
                cells[i] = lines
        if header:
            left, right, divider = head_left, head_right, head_vertical
        elif index == last_index:
            left, right, divider = foot_left, foot_right, foot_vertical
        else:
            left, right, divider = mid_left, mid_right, mid_vertical
        left, divider, right = [(left, None)], [(divider, None)], [(right, None)]
        for line_no in range(max_height):
            line = left + cells[0][line_no]
            for lines in cells[1:]:
                line += divider
                line += lines[line_no]
            out.append(line + right)
        if header:
            out.append(rule(head_row_left, head_row_horizontal, head_row_cross, head_row_right))
        elif row_separator and index != last_index:
            out.append(row_separator)
    out.append(rule(bottom_left, bottom, bottom_divider, bottom_right))
    if sum(widths) + ncols + 1 > console_width:
        out = [_adjust_line_length([(line, None)] if line.__class__ is str else line,
                                   console_width, pad=False) for line in out]
    return _emit(out, color)


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


def render_line(text, console_width: int = 80, color: bool = False) -> str:
    """``console.print(text)``: wrapped at the console width, words longer than it folded."""
    if console_width < 1:
        return ""
    lines = []
    for line in _wrap(_make_text(text), console_width, "default", "fold"):
        segments = line.segments()
        if _line_length(segments) > console_width:
            segments = _adjust_line_length(segments, console_width, pad=False)
        lines.append(segments)
    return _emit(lines, color)


# --------------------------------------------------------------------------
# Console width (rich/console.py: Console.__init__ and Console.size)


def console_width(environ=None, terminal_size=None, *, is_terminal: bool = False,
                  windows=None, legacy_windows: bool = False, jupyter: bool = False,
                  fds=None) -> int:
    """The width a ``rich.console.Console()`` without ``width=`` uses.

    ``environ`` defaults to ``os.environ``; ``terminal_size(fd)`` (default
    ``os.get_terminal_size``) is tried on stdin, stdout, stderr (stdout, stderr on
    Windows) until one answers.  ``COLUMNS`` (if all digits) wins, except that a
    terminal (``is_terminal``) whose ``TERM`` is dumb/unknown is 80 wide unless
    ``LINES`` is set too; 0 or no answer means 80.  Legacy Windows consoles lose a
    column; Jupyter uses ``JUPYTER_COLUMNS`` or 115.
    """
    import os
    import sys

    if environ is None:
        environ = os.environ
    if terminal_size is None:
        terminal_size = os.get_terminal_size
    if windows is None:
        windows = sys.platform == "win32"
    if fds is None:
        fds = []
        for stream, default in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
            try:
                fds.append(stream.fileno())
            except Exception:
                fds.append(default)
        if windows:
            fds = fds[1:]
    legacy = 1 if legacy_windows and not jupyter else 0
    width = height = None
    if jupyter:
        columns, lines = environ.get("JUPYTER_COLUMNS"), environ.get("JUPYTER_LINES")
        width = int(columns) if columns is not None and columns.isdigit() else 115
        height = int(lines) if lines is not None and lines.isdigit() else 100
    columns = environ.get("COLUMNS")
    if width is None and columns is not None and columns.isdigit():
        width = int(columns) - legacy
    lines = environ.get("LINES")
    if height is None and lines is not None and lines.isdigit():
        height = int(lines)
    if width is not None and height is not None:
        return width - legacy
    if is_terminal and environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return 80
    detected = None
    for fd in fds:
        try:
            detected, _ = terminal_size(fd)
        except (AttributeError, ValueError, OSError):
            pass
        else:
            break
    if columns is not None and columns.isdigit():
        detected = int(columns)
    detected = detected or 80
    return detected - legacy if width is None else width


# Unicode 17.0.0 cell widths (as rich's "latest" table), hex ranges.
_ZERO_WIDTH = """
0 300-36f 483-489 591-5bd 5bf 5c1-5c2 5c4-5c5 5c7 610-61a 61c 64b-65f 670
6d6-6dc 6df-6e4 6e7-6e8 6ea-6ed 711 730-74a 7a6-7b0 7eb-7f3 7fd 816-819
81b-823 825-827 829-82d 859-85b 897-89f 8ca-8e1 8e3-903 93a-93c 93e-94f
951-957 962-963 981-983 9bc 9be-9c4 9c7-9c8 9cb-9cd 9d7 9e2-9e3 9fe a01-a03
a3c a3e-a42 a47-a48 a4b-a4d a51 a70-a71 a75 a81-a83 abc abe-ac5 ac7-ac9
acb-acd ae2-ae3 afa-aff b01-b03 b3c b3e-b44 b47-b48 b4b-b4d b55-b57 b62-b63
b82 bbe-bc2 bc6-bc8 bca-bcd bd7 c00-c04 c3c c3e-c44 c46-c48 c4a-c4d c55-c56
c62-c63 c81-c83 cbc cbe-cc4 cc6-cc8 cca-ccd cd5-cd6 ce2-ce3 cf3 d00-d03
d3b-d3c d3e-d44 d46-d48 d4a-d4d d57 d62-d63 d81-d83 dca dcf-dd4 dd6 dd8-ddf
df2-df3 e31 e34-e3a e47-e4e eb1 eb4-ebc ec8-ece f18-f19 f35 f37 f39 f3e-f3f
f71-f84 f86-f87 f8d-f97 f99-fbc fc6 102b-103e 1056-1059 105e-1060 1062-1064
1067-106d 1071-1074 1082-108d 108f 109a-109d 1160-11ff 135d-135f 1712-1715
1732-1734 1752-1753 1772-1773 17b4-17d3 17dd 180b-180f 1885-1886 18a9
1920-192b 1930-193b 1a17-1a1b 1a55-1a5e 1a60-1a7c 1a7f 1ab0-1add 1ae0-1aeb
1b00-1b04 1b34-1b44 1b6b-1b73 1b80-1b82 1ba1-1bad 1be6-1bf3 1c24-1c37
1cd0-1cd2 1cd4-1ce8 1ced 1cf4 1cf7-1cf9 1dc0-1dff 200b-200f 2028-202e
2060-206f 20d0-20f0 2cef-2cf1 2d7f 2de0-2dff 302a-302f 3099-309a 3164
a66f-a672 a674-a67d a69e-a69f a6f0-a6f1 a802 a806 a80b a823-a827 a82c
a880-a881 a8b4-a8c5 a8e0-a8f1 a8ff a926-a92d a947-a953 a980-a983 a9b3-a9c0
a9e5 aa29-aa36 aa43 aa4c-aa4d aa7b-aa7d aab0 aab2-aab4 aab7-aab8 aabe-aabf
aac1 aaeb-aaef aaf5-aaf6 abe3-abea abec-abed d7b0-d7ff fb1e fe00-fe0f
fe20-fe2f feff ffa0 fff0-fffb 101fd 102e0 10376-1037a 10a01-10a03
10a05-10a06 10a0c-10a0f 10a38-10a3a 10a3f 10ae5-10ae6 10d24-10d27
10d69-10d6d 10eab-10eac 10efa-10eff 10f46-10f50 10f82-10f85 11000-11002
11038-11046 11070 11073-11074 1107f-11082 110b0-110ba 110c2 11100-11102
11127-11134 11145-11146 11173 11180-11182 111b3-111c0 111c9-111cc
111ce-111cf 1122c-11237 1123e 11241 112df-112ea 11300-11303 1133b-1133c
1133e-11344 11347-11348 1134b-1134d 11357 11362-11363 11366-1136c
11370-11374 113b8-113c0 113c2 113c5 113c7-113ca 113cc-113d0 113d2
113e1-113e2 11435-11446 1145e 114b0-114c3 115af-115b5 115b8-115c0
115dc-115dd 11630-11640 116ab-116b7 1171d-1172b 1182c-1183a 11930-11935
11937-11938 1193b-1193e 11940 11942-11943 119d1-119d7 119da-119e0 119e4
11a01-11a0a 11a33-11a39 11a3b-11a3e 11a47 11a51-11a5b 11a8a-11a99
11b60-11b67 11c2f-11c36 11c38-11c3f 11c92-11ca7 11ca9-11cb6 11d31-11d36
11d3a 11d3c-11d3d 11d3f-11d45 11d47 11d8a-11d8e 11d90-11d91 11d93-11d97
11ef3-11ef6 11f00-11f01 11f03 11f34-11f3a 11f3e-11f42 11f5a 13430-13440
13447-13455 1611e-1612f 16af0-16af4 16b30-16b36 16f4f 16f51-16f87
16f8f-16f92 16fe4 16ff0-16ff1 1bc9d-1bc9e 1bca0-1bca3 1cf00-1cf2d
1cf30-1cf46 1d165-1d169 1d16d-1d182 1d185-1d18b 1d1aa-1d1ad 1d242-1d244
1da00-1da36 1da3b-1da6c 1da75 1da84 1da9b-1da9f 1daa1-1daaf 1e000-1e006
1e008-1e018 1e01b-1e021 1e023-1e024 1e026-1e02a 1e08f 1e130-1e136 1e2ae
1e2ec-1e2ef 1e4ec-1e4ef 1e5ee-1e5ef 1e6e3 1e6e6 1e6ee-1e6ef 1e6f5
1e8d0-1e8d6 1e944-1e94a 1f3fb-1f3ff e0000-e0fff
"""
_DOUBLE_WIDTH = """
1100-115f 231a-231b 2329-232a 23e9-23ec 23f0 23f3 25fd-25fe 2614-2615
2630-2637 2648-2653 267f 268a-268f 2693 26a1 26aa-26ab 26bd-26be 26c4-26c5
26ce 26d4 26ea 26f2-26f3 26f5 26fa 26fd 2705 270a-270b 2728 274c 274e
2753-2755 2757 2795-2797 27b0 27bf 2b1b-2b1c 2b50 2b55 2e80-2e99 2e9b-2ef3
2f00-2fd5 2ff0-3029 3030-303e 3041-3096 309b-30ff 3105-312f 3131-3163
3165-318e 3190-31e5 31ef-321e 3220-3247 3250-a48c a490-a4c6 a960-a97c
ac00-d7a3 f900-faff fe10-fe19 fe30-fe52 fe54-fe66 fe68-fe6b ff01-ff60
ffe0-ffe6 16fe0-16fe3 16ff2-16ff6 17000-18cd5 18cff-18d1e 18d80-18df2
1aff0-1aff3 1aff5-1affb 1affd-1affe 1b000-1b122 1b132 1b150-1b152 1b155
1b164-1b167 1b170-1b2fb 1d300-1d356 1d360-1d376 1f004 1f0cf 1f18e
1f191-1f19a 1f200-1f202 1f210-1f23b 1f240-1f248 1f250-1f251 1f260-1f265
1f300-1f320 1f32d-1f335 1f337-1f37c 1f37e-1f393 1f3a0-1f3ca 1f3cf-1f3d3
1f3e0-1f3f0 1f3f4 1f3f8-1f3fa 1f400-1f43e 1f440 1f442-1f4fc 1f4ff-1f53d
1f54b-1f54e 1f550-1f567 1f57a 1f595-1f596 1f5a4 1f5fb-1f64f 1f680-1f6c5
1f6cc 1f6d0-1f6d2 1f6d5-1f6d8 1f6dc-1f6df 1f6eb-1f6ec 1f6f4-1f6fc
1f7e0-1f7eb 1f7f0 1f90c-1f93a 1f93c-1f945 1f947-1f9ff 1fa70-1fa7c
1fa80-1fa8a 1fa8e-1fac6 1fac8 1facd-1fadc 1fadf-1faea 1faef-1faf8
20000-2fffd 30000-3fffd
"""
_NARROW_TO_WIDE = """
23 2a 30-39 a9 ae 203c 2049 2122 2139 2194-2199 21a9-21aa 2328 23cf
23ed-23ef 23f1-23f2 23f8-23fa 24c2 25aa-25ab 25b6 25c0 25fb-25fc 2600-2604
260e 2611 2618 261d 2620 2622-2623 2626 262a 262e-262f 2638-263a 2640 2642
265f-2660 2663 2665-2666 2668 267b 267e 2692 2694-2697 2699 269b-269c 26a0
26a7 26b0-26b1 26c8 26cf 26d1 26d3 26e9 26f0-26f1 26f4 26f7-26f9 2702
2708-2709 270c-270d 270f 2712 2714 2716 271d 2721 2733-2734 2744 2747
2763-2764 27a1 2934-2935 2b05-2b07 1f170-1f171 1f17e-1f17f 1f321 1f324-1f32c
1f336 1f37d 1f396-1f397 1f399-1f39b 1f39e-1f39f 1f3cb-1f3ce 1f3d4-1f3df
1f3f3 1f3f5 1f3f7 1f43f 1f441 1f4fd 1f549-1f54a 1f56f-1f570 1f573-1f579
1f587 1f58a-1f58d 1f590 1f5a5 1f5a8 1f5b1-1f5b2 1f5bc 1f5c2-1f5c4
1f5d1-1f5d3 1f5dc-1f5de 1f5e1 1f5e3 1f5e8 1f5ef 1f5f3 1f5fa 1f6cb
1f6cd-1f6cf 1f6e0-1f6e5 1f6e9 1f6f0 1f6f3
"""
