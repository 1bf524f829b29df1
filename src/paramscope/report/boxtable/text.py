"""Text (rich/text.py, rich/_wrap.py, rich/containers.py): styled text, word-wrapped
and justified into lines."""

from .cells import cell_len, chop_cells, is_single_cell, set_cell_size
from .segment import combine_styles, parse_style

_STRIP_CONTROL = {7: None, 8: None, 11: None, 12: None, 13: None}


class Text:
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
            return [Text(plain, self.spans[:])]
        bounds = [0, *offsets, len(plain)]
        ranges = list(zip(bounds, bounds[1:]))
        lines = [Text(plain[a:b]) for a, b in ranges]
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
                self.set_plain(set_cell_size(self.plain, max_width - 1) + "…")
            else:
                self.set_plain(set_cell_size(self.plain, max_width))
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
                    style = combine_styles(style, span_style)
            result.append((plain[a:b], style))
        return result


def make_text(text) -> Text:
    """A ``Text`` from a str or a list of (text, style) spans, as Text.append builds it."""
    if text is None:
        return Text("")
    if isinstance(text, str):
        return Text(text.translate(_STRIP_CONTROL))
    text = list(text)
    parts, spans, offset = [], [], 0
    for piece, style in text:
        if piece:
            if style:
                spans.append((offset, offset + len(piece), parse_style(style)))
            parts.append(piece)
            offset += len(piece)
    plain = "".join(parts)
    if not is_single_cell(plain) and len(plain.translate(_STRIP_CONTROL)) != len(plain):
        # Text.append strips control codes from each piece (its span may become empty)
        parts, spans, offset = [], [], 0
        for piece, style in text:
            if piece:
                piece = piece.translate(_STRIP_CONTROL)
                if style:
                    spans.append((offset, offset + len(piece), parse_style(style)))
                parts.append(piece)
                offset += len(piece)
        plain = "".join(parts)
    return Text(plain, spans)


def words(text: str):
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
    for start, _end, word in words(text):
        word_length = cell_len(word.rstrip())
        if width - cell_offset >= word_length:
            cell_offset += cell_len(word)
        elif word_length > width:
            if fold:
                folded = chop_cells(word, width)
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


def wrap(text: Text, width: int, justify: str, overflow: str):
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
        if is_single_cell(line.plain) and len(line.plain) <= width:
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
