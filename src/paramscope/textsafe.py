"""Text from model files and scripts, made safe to print on a terminal.

A layer name, a path, a zip member name or a script's error message can hold
anything: a lone surrogate (which no encoder accepts), control characters, or
terminal escape sequences (ESC ``[2J`` clears the screen, ESC ``]0;...`` BEL
sets the window title).  Everything paramscope prints that came from a file
or a script goes through :func:`safe_text` (one line) or :func:`safe_lines`
(a message with paragraphs of its own): every character Python's ``repr``
escapes (``not ch.isprintable()``: controls, format characters, surrogates,
private-use and unassigned code points, separators other than the space) is
shown the way ``repr`` shows it (``\\x1b``, ``\\ud800``, ``\\u202e``), and, in
a text that needed any escape, backslashes are doubled, so that an escaped
character cannot be mistaken for a name that spells the escape.  Text that is
all printable (every normal name) is returned unchanged, as the same object.

JSON output needs none of this: ``json.dumps`` escapes every control and
non-ASCII character (a lone surrogate becomes ``\\ud800``).

>>> safe_text("dense_1")
'dense_1'
>>> print(safe_text("d\\x1b]0;title\\x07"), safe_text("x\\ud800"), safe_text("a\\\\b\\n"))
d\\x1b]0;title\\x07 x\\ud800 a\\\\b\\n
>>> print(safe_lines("line 1\\nname \\x1b[2J"))
line 1
name \\x1b[2J
"""

from __future__ import annotations

#: Long texts are checked in chunks: only a chunk holding a character to escape is
#: walked character by character (a 60 MB name with one ESC costs one chunk's loop).
_CHUNK = 4096
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape_char(ch: str) -> str:
    short = _SHORT.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape_chunk(chunk: str) -> str:
    chunk = chunk.replace("\\", "\\\\")
    if chunk.isprintable():
        return chunk
    return "".join(ch if ch.isprintable() else _escape_char(ch) for ch in chunk)


def safe_text(text) -> str:
    """``text`` with every character ``repr`` would escape shown escaped (newlines too)."""
    if text.__class__ is not str:
        text = str(text)
    if text.isprintable():
        return text
    if len(text) <= _CHUNK:
        return _escape_chunk(text)
    return "".join(_escape_chunk(text[i:i + _CHUNK]) for i in range(0, len(text), _CHUNK))


def safe_lines(text) -> str:
    """Like :func:`safe_text`, but the line breaks stay line breaks."""
    if text.__class__ is not str:
        text = str(text)
    if text.isprintable():
        return text
    return "\n".join(safe_text(line) for line in text.split("\n"))


def is_terminal_safe(text: str, allow_newlines=True) -> bool:
    """True if ``text`` has no character a terminal could act on (the tests' check)."""
    if allow_newlines:
        text = text.replace("\n", "")
    return text.isprintable()
