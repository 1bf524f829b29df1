"""Issue 9, item 8: the renderers' linear rewrites give exactly what the reference
algorithms give (rich's word regex, tf.keras's ``print_row``, ``json.dumps(indent=2)``),
and their work grows with the text, not with its square.  Times are measured in
``bench/scale.py``, never asserted here."""

import json
import random
import re

import pytest

from paramscope.errors import ParamscopeError
from paramscope.report import boxtable, keras2
from paramscope.report import json as json_report
from paramscope.summary import ModelSummary, summarize


def rich_words(text):
    """rich._wrap.words, as rich writes it."""
    for match in re.finditer(r"\s*\S+\s*", text):
        yield match.start(), match.end(), match.group(0)


def tf_keras_print_row(emit, fields, positions, nested_level=0, limit=1000):
    """tf_keras/utils/layer_utils.py print_row (its inner loop), with a loop guard."""
    left_to_print = [str(x) for x in fields]
    while any(left_to_print):
        limit -= 1
        if limit < 0:
            raise RuntimeError("loops forever")
        line = ""
        for col in range(len(left_to_print)):
            if col > 0:
                start_pos = positions[col - 1]
            else:
                start_pos = 0
            end_pos = positions[col]
            space = 2 if col != len(positions) - 1 else 0
            cutoff = end_pos - start_pos - space
            if col != len(positions) - 1:
                cutoff -= 1
            if col == 0:
                cutoff -= nested_level
            fit_into_line = left_to_print[col][:cutoff]
            candidate_cutoffs = [fit_into_line.find(x) + len(x) for x in ("),", "},", "],", "',")
                                 if fit_into_line.find(x) >= 0]
            if candidate_cutoffs:
                cutoff = min(candidate_cutoffs)
                fit_into_line = fit_into_line[:cutoff]
            if col == 0:
                line += "|" * nested_level + " "
            line += fit_into_line
            line += " " * space if space else ""
            left_to_print[col] = left_to_print[col][cutoff:]
            if nested_level and col == len(positions) - 1:
                line += " " * (positions[col] - len(line) - nested_level)
            else:
                line += " " * (positions[col] - len(line))
        line += "|" * nested_level
        emit(line)


def test_word_splitting_matches_richs_regex():
    rng = random.Random(0)
    alphabet = " \t\n\x0b\x1c\x1f\x85\xa0\u2028\u3000ab(x)\u200b"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert list(boxtable.text.words(text)) == list(rich_words(text)), repr(text)


def test_row_wrapping_matches_tf_keras_and_refuses_what_never_ends():
    rng = random.Random(1)
    alphabet = "ab(),[]{}' "
    endless = 0
    for _ in range(20000):
        columns = rng.randint(1, 4)
        positions = sorted(rng.randint(0, 40) for _ in range(columns))
        fields = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
                  for _ in range(columns)]
        level = rng.choice([0, 0, 1, 2])
        expected, got = [], []
        try:
            tf_keras_print_row(expected.append, fields, positions, level)
        except RuntimeError:
            endless += 1
            with pytest.raises(ParamscopeError, match="too narrow"):
                keras2._tf_row(got.append, fields, positions, level)
            continue
        keras2._tf_row(got.append, fields, positions, level)
        assert got == expected, (fields, positions, level)
    assert endless  # the corpus holds layouts tf.keras never finishes


def test_a_long_name_is_wrapped_by_offset(monkeypatch):
    """tf.keras re-slices what is left of a field for every line; paramscope moves an
    offset: the copies made stay proportional to the name's length."""
    copied = []

    class Text(str):
        def __getitem__(self, key):
            piece = str.__getitem__(self, key)
            copied.append(len(piece))
            return piece

    name = Text("n" * 200_000)
    # _tf_row calls str() on its fields: let the counting text through.
    monkeypatch.setattr(keras2, "str", lambda x: x if isinstance(x, Text) else f"{x}",
                        raising=False)
    lines = []
    keras2._tf_row(lines.append, [name, "(None, 2)", "8"], [29, 55, 65])
    assert len(lines) == 200_000 // 26 + 1
    assert copied and sum(copied) <= 2 * len(name)


def test_json_is_written_a_layer_at_a_time_with_the_same_text():
    from paramscope.keras import Input, Model, Sequential, layers
    inner = Sequential([Input((3,)), layers.Dense(2)], name="inner")
    x = Input((3,), name="x")
    model = Model(x, layers.Dense(1)(inner(x)))
    for summary in (summarize(model), ModelSummary("empty", "Sequential", True, [], 0, 0, 0.0, 0.0)):
        for explain in (False, True):
            expected = json.dumps(json_report.to_dict(summary, explain), indent=2) + "\n"
            assert json_report.render(summary, explain) == expected
            assert "".join(json_report.iter_render(summary, explain)) == expected


def random_json_value(rng, depth=0):
    kind = rng.randrange(9 if depth < 4 else 6)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.choice([0, -1, 7, 2 ** 63, -(10 ** 40), 10 ** 4000, rng.randrange(-9, 10 ** 9)])
    if kind == 2:
        return rng.choice([0.0, -0.0, 1.5, 1e300, -2.5e-310, float("nan"), float("inf"),
                           float("-inf"), rng.random()])
    if kind in (3, 4, 5):
        alphabet = "ab\"\\/\n\t\x00\x1b\x7f\x85é名\ud800\U0001f600 "
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(6)))
    if kind in (6, 7):
        items = [random_json_value(rng, depth + 1) for _ in range(rng.randrange(4))]
        return tuple(items) if rng.random() < 0.3 else items
    return {random_json_value(rng, 9) if rng.random() < 0.9 else "k": random_json_value(rng, depth + 1)
            for _ in range(rng.randrange(4))}


def test_json_text_matches_json_dumps_at_every_level():
    """``dumps_exact`` writes JSON itself (with the C string encoder) instead of the slow
    pure-Python encoder ``json.dumps(indent=2)`` runs: the same text, at any nesting level."""
    rng = random.Random(2)
    for _ in range(5000):
        value = random_json_value(rng)
        level = rng.randrange(4)
        expected = json.dumps(value, indent=2).replace("\n", "\n" + "  " * level)
        assert json_report.dumps_exact(value, _level=level) == expected, repr(value)


def test_json_of_many_layers_is_the_same_text_across_pieces():
    from paramscope import formats
    config = {"class_name": "Sequential", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 3], "name": "x"}}] + [
        {"class_name": "Dense", "config": {"name": f"d{i}\x1b", "units": 3}} for i in range(600)]}}
    summary = summarize(formats.load_config(config))
    for explain in (False, True):
        expected = json.dumps(json_report.to_dict(summary, explain), indent=2) + "\n"
        pieces = list(json_report.iter_render(summary, explain))
        assert "".join(pieces) == expected and len(pieces) == 5
