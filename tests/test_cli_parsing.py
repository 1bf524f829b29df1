"""The fast command-line parser gives exactly argparse's result, or defers to it."""

import itertools

import pytest

from paramscope import cli

CORPUS = [
    ["summary", "m.py"],
    ["summary", "m.py", "--format", "json"],
    ["summary", "--format=json", "m.keras", "--explain", "--show-trainable"],
    ["summary", "m.h5", "--style", "keras2-classic", "--line-length", "120"],
    ["summary", "m.json", "--assume-passthrough", "A", "--assume-passthrough=B", "--model", "x"],
    ["summary", "m.py", "--expand-nested", "--color", "never", "--style=keras2"],
    ["run", "s.py"],
    ["run", "--style", "keras2", "s.py", "a", "--b", "-c"],
    ["run", "--explain", "s.py", "--style", "keras3"],
    ["summary", "a.keras", "b.h5", "models/", "--format", "csv"],
    ["summary", "--format=markdown", "m.keras"],
    ["demo"],
    ["demo", "--style", "keras2-classic", "--color", "always"],
]

DEFERRED = [
    [], ["--help"], ["summary"], ["summary", "-h"], ["summary", "m.py", "--format", "xml"],
    ["summary", "m.py", "--line-length", "wide"], ["summary", "m.py", "--bogus"],
    ["run"], ["demo", "extra"], ["summary", "m.py", "--style"],
    ["summary", "m.py", "--explain=yes"], ["--version"], ["frobnicate"],
    ["summary", "m.py", "--form", "json"],
]


@pytest.mark.parametrize("argv", CORPUS, ids=lambda a: " ".join(a))
def test_fast_parser_equals_argparse(argv):
    fast = cli.fast_parse(argv)
    assert fast is not None
    assert vars(fast) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", DEFERRED, ids=lambda a: " ".join(a) or "<empty>")
def test_anything_else_goes_to_argparse(argv):
    assert cli.fast_parse(argv) is None


def test_every_option_combination_of_two():
    flags = [("--explain",), ("--show-trainable",), ("--style", "keras2"), ("--line-length", "90"),
             ("--format", "json"), ("--model", "m"), ("--color", "never"),
             ("--assume-passthrough", "X"), ("--expand-nested",)]
    for a, b in itertools.permutations(flags, 2):
        argv = ["summary", "x.py", *a, *b]
        assert vars(cli.fast_parse(argv)) == vars(cli.build_parser().parse_args(argv)), argv


def test_errors_exit_2_with_argparse_message(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["summary", "m.py", "--format", "xml"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
