"""Cell widths (rich/cells.py): how many terminal cells a text takes, and cutting
text at a cell position."""

_SINGLE_CELLS = frozenset(
    chr(c)
    for a, b in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482),
                 (0x2500, 0x25FC), (0x2800, 0x28FF))
    for c in range(a, b + 1)
)
is_single_cell = _SINGLE_CELLS.issuperset
_ZWJ, _VS16 = "\u200d", "\ufe0f"
_table = None  # (starts, ends, widths, narrow_to_wide), decoded on first use
_char_cache: dict = {}
_len_cache: dict = {}


def load_width_table():
    """The width table: (starts, ends, widths) of the ranges that are not one cell wide,
    and the characters a variation selector 16 makes two cells wide."""
    global _table
    from .unicode_widths import DOUBLE_WIDTH, NARROW_TO_WIDE, ZERO_WIDTH

    entries = []
    for width, data in ((0, ZERO_WIDTH), (2, DOUBLE_WIDTH)):
        for token in data.split():
            a, _, b = token.partition("-")
            entries.append((int(a, 16), int(b or a, 16), width))
    entries.sort()
    narrow_to_wide = set()
    for token in NARROW_TO_WIDE.split():
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
            starts, ends, widths, _ = _table or load_width_table()
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
    if is_single_cell(text):
        return len(text)
    total = _len_cache.get(text)
    if total is not None:
        return total
    if _ZWJ not in text and _VS16 not in text:
        total = sum(map(_char_width, text))
    else:
        narrow_to_wide = (_table or load_width_table())[3]
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
    narrow_to_wide = (_table or load_width_table())[3]
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


def set_cell_size(text: str, total: int) -> str:
    """rich.cells.set_cell_size: crop or pad with spaces to ``total`` cells."""
    if is_single_cell(text):
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


def chop_cells(text: str, width: int):
    """rich.cells.chop_cells: fold ``text`` into pieces at most ``width`` wide."""
    if is_single_cell(text):
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
