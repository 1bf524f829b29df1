"""Exact text for numbers of any size: counts, dimensions and byte sizes.

paramscope's counts are Python integers, so ``Dense(10**400)`` has an exact
parameter count.  Printing one needs care: ``str()`` of an integer with more
than 4,300 digits raises ``ValueError`` (Python's guard against slow
conversions, ``sys.set_int_max_str_digits``, which is process-wide and not
paramscope's to change), and a byte size beyond ~1.8e308 does not fit a float.

* :func:`int_text` / :func:`grouped` print any integer exactly, with a local
  divide-and-conquer conversion past Python's limit, up to
  :data:`MAX_DIGITS` digits; a number longer than that is refused with one
  :class:`~paramscope.errors.ParamscopeError` (converting it would take
  seconds to minutes: no real model has such a number).
* :func:`exact_bytes` is ``bits / 8`` as Keras computes it (a float) while it
  fits a float, else an exact ``int`` (or a ``Fraction`` for sub-byte
  dtypes), so byte sizes never overflow.
* :func:`memory_text` is Keras's ``readable_memory_size`` (``9.82 KB``) for
  any of those.

>>> int_text(10 ** 5000)[:6], len(int_text(10 ** 5000))
('100000', 5001)
>>> grouped(1234567), grouped(-10 ** 4400)[:8]
('1,234,567', '-100,000')
>>> exact_bytes(100), exact_bytes(8 * 10 ** 400) == 10 ** 400
(12.5, True)
>>> memory_text(68.0), memory_text(1024 ** 6), memory_text(exact_bytes(8 * 1024 ** 200))[-9:]
('68.00 B', '1.00 PB', '776.00 PB')
"""

from __future__ import annotations

#: Longest integer printed (digits).  Python prints up to 4,300 itself; longer ones are
#: converted here, in a time that grows with the square of the length (10,000 digits:
#: about 5 ms), so they are bounded.
MAX_DIGITS = 10_000
_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")
#: Bit counts up to this become a float byte size (as in Keras); above, exact numbers.
_FLOAT_BITS = 1 << 1000


def _refuse(n):
    from .errors import ParamscopeError
    raise ParamscopeError(
        f"a number in this model has about {int(n.bit_length() * 0.30103):,} digits, more than "
        f"the {MAX_DIGITS:,} paramscope prints: no real model has a dimension or a count this "
        "large (check the layer arguments and input shapes for a runaway value).")


def _long_text(n: int) -> str:
    if n < 0:
        return "-" + _long_text(-n)
    if n.bit_length() < 14000:  # under 4,215 digits: str() can do it
        return str(n)
    if n.bit_length() > MAX_DIGITS * 3.3219281 + 4:
        _refuse(n)
    half = int(n.bit_length() * 0.150514997)  # about half the digits
    high, low = divmod(n, 10 ** half)
    return _long_text(high) + _long_text(low).rjust(half, "0")


def int_text(n: int) -> str:
    """``str(n)`` for any integer (up to :data:`MAX_DIGITS` digits)."""
    try:
        return str(n)
    except ValueError:
        return _long_text(n)


def grouped(n: int) -> str:
    """``f"{n:,}"`` for any integer."""
    try:
        return f"{n:,}"
    except ValueError:
        text = _long_text(n)
        sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
        head = len(digits) % 3 or 3
        parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
        return sign + ",".join(parts)


def shape_text(shape) -> str:
    """``repr(tuple(shape))`` for dimensions of any size: ``(None, 3)``, ``(5,)``."""
    try:
        return repr(tuple(shape))
    except ValueError:
        dims = [int_text(d) if isinstance(d, int) and not isinstance(d, bool) else repr(d)
                for d in shape]
        return "(" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"


def exact_bytes(bits: int):
    """``bits / 8``: a float as in Keras when it fits one, else exact (int or Fraction)."""
    if -_FLOAT_BITS < bits < _FLOAT_BITS:
        return bits / 8
    if bits % 8 == 0:
        return bits // 8
    from fractions import Fraction
    return Fraction(bits, 8)


def memory_text(size, units=_UNITS) -> str:
    """Keras's ``readable_memory_size``: ``9.82 KB`` (base 1024, two decimals)."""
    if not isinstance(size, float):
        try:
            size = float(size)
        except OverflowError:
            return _exact_memory_text(size, units)
    for unit in units:
        if size / 1024 < 1:
            return f"{size:.2f} {unit}"
        size /= 1024
    return f"{size:.2f} {units[-1]}"


def _exact_memory_text(size, units):
    # An exact size too large for a float: divided by 1024 once per unit, as Keras's loop
    # ends, rounded half to even like float formatting.
    scale = 1024 ** len(units)
    numerator, denominator = size.numerator * 100, size.denominator * scale
    hundredths, rest = divmod(numerator, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and hundredths % 2):
        hundredths += 1
    whole, cents = divmod(hundredths, 100)
    return f"{int_text(whole)}.{cents:02d} {units[-1]}"


def add_sizes(a, b):
    """``a + b`` for byte sizes: the float sum as in Keras, exact when one is too large
    for a float."""
    if a.__class__ is float and b.__class__ is float:
        return a + b
    from fractions import Fraction
    total = Fraction(a) + Fraction(b)
    if abs(total) < _FLOAT_BITS // 8:
        return float(total)
    return total.numerator if total.denominator == 1 else total


def json_number_text(value) -> str:
    """A JSON number for an exact value :func:`json.dumps` cannot write (huge int, Fraction)."""
    if isinstance(value, int):
        return int_text(value)
    whole, rest = divmod(value.numerator, value.denominator)
    # A Fraction from exact_bytes has a power-of-two denominator: a finite decimal.
    digits = ""
    while rest and len(digits) < 64:
        rest *= 10
        digit, rest = divmod(rest, value.denominator)
        digits += str(digit)
    return int_text(whole) + "." + (digits or "0")
