"""``paramscope``: the command line.  Argument parsing only; see commands.py.

The options are declared once (``SUMMARY_OPTIONS``, ``COMMAND_OPTIONS``) and
read by two parsers: ``argparse`` for help, errors and anything unusual, and a
small parser for well-formed command lines, so that the common case does not
pay argparse's import cost (it pulls in ``re``, ``gettext``, ``locale``:
several times paramscope's own start-up).  A test checks that both give the
same result on a corpus of command lines.
"""

from __future__ import annotations

import sys

from . import __version__

STYLES = ("keras3", "keras2", "keras2-classic")

# (flags, dest, kind, choices or None, default, metavar, help); kind: flag|int|str|choice|append
SUMMARY_OPTIONS = (
    (("--style",), "style", "choice", STYLES, "keras3", None,
     "table layout: Keras 3 (default), tf.keras 2.13+, or classic Keras 2"),
    (("--line-length",), "line_length", "int", None, None, "N",
     "total width of the table, as model.summary(line_length=N)"),
    (("--show-trainable",), "show_trainable", "flag", None, False, None,
     "add the Trainable column, as model.summary(show_trainable=True)"),
    (("--expand-nested",), "expand_nested", "flag", None, False, None,
     "list the layers of nested models, as model.summary(expand_nested=True)"),
    (("--explain",), "explain", "flag", None, False, None,
     "print each layer's parameter and shape arithmetic under the table"),
    (("--color",), "color", "choice", ("auto", "always", "never"), "auto", None,
     "colour the Keras 3 table (default: when stdout is a terminal)"),
)

# Running scripts: go on past what needs data, and the values the user supplies.
SET_OPTION = (("--set",), "settings", "append", None, None, "NAME=VALUE",
              "in a script: give NAME (or NAME.ATTRIBUTE, e.g. 'x_train.shape=(60000, 28, 28)') "
              "this Python literal where the script would leave it unknown for want of data "
              "(repeatable)")
KEEP_GOING_OPTION = (("--keep-going",), "keep_going", "flag", None, False, None,
                     "skip (and list on stderr) what needs data, a missing package or "
                     "TensorFlow, and go on, as `paramscope summary` does")

COMMAND_OPTIONS = {
    "summary": (
        (("--format",), "format", "choice", ("text", "json", "markdown", "csv"), "text", None,
         "text (the Keras table), json, markdown (a GitHub table with the totals) or csv "
         "(one row per layer); for many files, one row per file"),
        (("--model",), "model_name", "str", None, None, "NAME",
         "in a script that builds several models: the global variable or model name to "
         "summarise"),
        (("--assume-passthrough",), "assume_passthrough", "append", None, None, "NAME",
         "in a model file: treat the unknown layer class (or layer) NAME as a weightless "
         "layer that keeps its input's shape (repeatable)"),
        SET_OPTION,
    ) + SUMMARY_OPTIONS,
    "run": (KEEP_GOING_OPTION, SET_OPTION) + SUMMARY_OPTIONS,
    "demo": SUMMARY_OPTIONS,
    "plot": (
        # "--output" first: the fast parser reads the long form; "-o" goes to argparse
        # (which reads "-o=x.svg" as "=x.svg", a form the fast parser would read otherwise).
        (("--output", "-o"), "output", "str", None, None, "FILE",
         "write the diagram to FILE: .svg (SVG) or .dot/.gv (DOT text for Graphviz); "
         "default: SVG on stdout"),
        (("--format",), "format", "choice", ("svg", "dot"), None, None,
         "svg or dot (default: from the extension of -o, else svg)"),
        (("--show-shapes",), "show_shapes", "flag", None, False, None,
         "each box shows its input and output shapes"),
        (("--show-dtype",), "show_dtype", "flag", None, False, None,
         "each box shows its output dtype"),
        (("--show-layer-activations",), "show_layer_activations", "flag", None, False, None,
         "each box of a layer with an activation shows it"),
        (("--show-trainable",), "show_trainable", "flag", None, False, None,
         "each box of a layer with weights shows whether it is trainable"),
        (("--show-params",), "show_params", "flag", None, False, None,
         "each box shows its parameter count"),
        (("--rankdir",), "rankdir", "choice", ("TB", "LR", "BT", "RL"), "TB", None,
         "direction: TB top to bottom (default), LR left to right, BT, RL"),
        (("--expand-nested",), "expand_nested", "flag", None, False, None,
         "draw nested models' layers, framed, instead of one box per nested model"),
        (("--model",), "model_name", "str", None, None, "NAME",
         "in a script that builds several models: the global variable or model name to draw"),
        (("--assume-passthrough",), "assume_passthrough", "append", None, None, "NAME",
         "in a model file: treat the unknown layer class (or layer) NAME as a weightless "
         "layer that keeps its input's shape (repeatable)"),
        SET_OPTION,
    ),
    "report": (
        (("--output", "-o"), "output", "str", None, None, "FILE",
         "write the page to FILE (.html); default: the HTML on stdout"),
        (("--batch-size",), "batch_size", "int", None, 1, "N",
         "batch size of the training-memory figures (when the profile is available)"),
        (("--optimizer",), "optimizer", "str", None, None, "NAME",
         "optimizer of the training-memory figures (default: the model's, else adam)"),
        (("--rankdir",), "rankdir", "choice", ("TB", "LR", "BT", "RL"), "TB", None,
         "direction of the diagram: TB (default), LR, BT, RL"),
        (("--model",), "model_name", "str", None, None, "NAME",
         "in a script that builds several models: the global variable or model name"),
        (("--assume-passthrough",), "assume_passthrough", "append", None, None, "NAME",
         "in a model file: treat the unknown layer class (or layer) NAME as a weightless "
         "layer that keeps its input's shape (repeatable)"),
        SET_OPTION,
    ),
    "profile": (
        (("--batch-size",), "batch_size", "str", None, "1", "N",
         "samples per batch for the per-batch figures and memory (default 1)"),
        (("--optimizer",), "optimizer", "str", None, None, "SPEC",
         "a Keras optimizer identifier (adam, sgd, ...) or the JSON of "
         "keras.optimizers.serialize(...); default: the model's compiled optimizer, else adam"),
        (("--format",), "format", "choice", ("text", "json", "markdown", "csv"), "text", None,
         "text (the Keras 3 table with MACs and memory), json, markdown or csv"),
        (("--explain",), "explain", "flag", None, False, None,
         "print each layer's MAC arithmetic and the memory arithmetic"),
        (("--input-shape",), "input_shapes", "append", None, None, "SHAPE",
         "rebuild the model at this input shape (64,64,3 or 1x64x64x3; repeat per input, "
         "or NAME=SHAPE)"),
        (("--line-length",), "line_length", "int", None, None, "N", "total width of the table"),
        (("--expand-nested",), "expand_nested", "flag", None, False, None,
         "list the layers of nested models"),
        (("--color",), "color", "choice", ("auto", "always", "never"), "auto", None,
         "colour the table (default: when stdout is a terminal)"),
        (("--model",), "model_name", "str", None, None, "NAME",
         "in a script that builds several models: the one to profile"),
        (("--assume-passthrough",), "assume_passthrough", "append", None, None, "NAME",
         "in a model file: treat the unknown layer class NAME as a weightless passthrough"),
        SET_OPTION,
    ),
    "diff": (
        (("--format",), "format", "choice", ("text", "json", "markdown", "csv"), "text", None,
         "text, json, markdown or csv (one row per aligned layer)"),
        (("--model-a",), "model_a", "str", None, None, "NAME", "the model of A's script"),
        (("--model-b",), "model_b", "str", None, None, "NAME", "the model of B's script"),
        (("--exit-code",), "exit_code", "flag", None, False, None,
         "exit 1 when the models differ (for CI)"),
        SET_OPTION,
    ),
}

# The positional argument of each command, and whether the rest of the line is the script's.
POSITIONAL = {"summary": ("model", False), "run": ("script", True), "demo": (None, False),
              "plot": ("model", False), "report": ("model", False),
              "profile": ("model", False),
              "diff": (None, False)}  # diff: two positionals, argparse reads them
# Commands whose positional argument is repeatable (a list, as argparse's nargs="+").
MANY_POSITIONALS = {"summary"}


def _add_options(parser, options):
    for flags, dest, kind, choices, default, metavar, help_text in options:
        kwargs = {"dest": dest, "help": help_text}
        if kind == "flag":
            kwargs["action"] = "store_true"
        elif kind == "append":
            kwargs.update(action="append", default=[], metavar=metavar)
        else:
            kwargs.update(default=default)
            if kind == "int":
                kwargs["type"] = int
            if choices:
                kwargs["choices"] = choices
            if metavar:
                kwargs["metavar"] = metavar
        parser.add_argument(*flags, **kwargs)


def build_parser():
    import argparse
    parser = argparse.ArgumentParser(
        prog="paramscope",
        description="Keras-exact parameter counts, output shapes and summaries, without "
                    "TensorFlow.")
    parser.add_argument("--version", action="version", version=f"paramscope {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("summary", help="print a model's summary (a .py script or a model file)",
                       description="Print the summary Keras would print for MODEL: a Python "
                                   "script that builds a Keras model (run on paramscope), or a "
                                   "model file (.keras, .h5, .json).")
    p.add_argument("model", metavar="MODEL", nargs="+",
                   help="a .py script, or a .keras/.h5/.json file; several files, a directory "
                        "or a glob: one row per model file")
    _add_options(p, COMMAND_OPTIONS["summary"])

    p = sub.add_parser("run", help="run a Keras script on paramscope (no TensorFlow needed)",
                       description="Run SCRIPT with `keras`, `tensorflow.keras` and the classic "
                                   "Keras 2 import paths resolving to paramscope; model.summary() "
                                   "prints what Keras prints.")
    p.add_argument("script", metavar="SCRIPT")
    p.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the script")
    _add_options(p, COMMAND_OPTIONS["run"])

    p = sub.add_parser("demo", help="summarise an embedded example model, with its arithmetic")
    _add_options(p, COMMAND_OPTIONS["demo"])

    p = sub.add_parser("plot", help="draw a model's graph as SVG (or DOT), without Graphviz",
                       description="Draw MODEL's layers and connections, as Keras's plot_model "
                                   "does, laid out and written by paramscope (no Graphviz).")
    p.add_argument("model", metavar="MODEL", help="a .py script, or a .keras/.h5/.json file")
    _add_options(p, COMMAND_OPTIONS["plot"])

    p = sub.add_parser("report", help="write a self-contained HTML report of a model",
                       description="Write one HTML page about MODEL (inline CSS and SVG; opens "
                                   "offline): headline numbers, the summary table, charts of "
                                   "parameters (and MACs, memory) per layer, the diagram, each "
                                   "layer's arithmetic and the warnings.")
    p.add_argument("model", metavar="MODEL", help="a .py script, or a .keras/.h5/.json file")
    _add_options(p, COMMAND_OPTIONS["report"])

    p = sub.add_parser("profile", help="MACs, FLOPs and memory (training and inference)",
                       description="What MODEL costs: MACs and FLOPs per layer, per sample and "
                                   "per batch, and the memory to train and to run it.")
    p.add_argument("model", metavar="MODEL", help="a .py script, or a .keras/.h5/.json file")
    _add_options(p, COMMAND_OPTIONS["profile"])

    p = sub.add_parser("diff", help="compare two models layer by layer",
                       description="Compare A and B (scripts or model files; A.py:NAME picks "
                                   "a model of a script): shapes, params and MACs per layer.")
    p.add_argument("models", metavar="MODEL", nargs=2, help="A and B")
    _add_options(p, COMMAND_OPTIONS["diff"])
    return parser


class Arguments:
    """The parsed command line (what ``argparse.Namespace`` would hold)."""

    def __init__(self, **values):
        self.__dict__.update(values)

    def __eq__(self, other):
        return vars(self) == vars(other)

    def __repr__(self):
        return f"Arguments({vars(self)!r})"


def fast_parse(argv):
    """Parse a well-formed command line without argparse; ``None`` for anything else
    (help, errors, abbreviations...), which argparse then handles."""
    if not argv or argv[0] not in COMMAND_OPTIONS:
        return None
    command, rest = argv[0], list(argv[1:])
    options = {flags[0]: (dest, kind, choices) for flags, dest, kind, choices, *_ in
               COMMAND_OPTIONS[command]}
    values = {"command": command}
    for flags, dest, kind, choices, default, *_ in COMMAND_OPTIONS[command]:
        values[dest] = [] if kind == "append" else default
    positional, remainder = POSITIONAL[command]
    found = None
    while rest:
        token = rest.pop(0)
        if token.startswith("-") and token != "-":
            name, eq, inline = token.partition("=")
            if name not in options:
                return None
            dest, kind, choices = options[name]
            if kind == "flag":
                if eq:
                    return None
                values[dest] = True
                continue
            if eq:
                value = inline
            elif rest:
                value = rest.pop(0)
            else:
                return None
            if kind == "int":
                try:
                    value = int(value)
                except ValueError:
                    return None
            elif kind == "choice" and value not in choices:
                return None
            if kind == "append":
                values[dest].append(value)
            else:
                values[dest] = value
        elif positional and command in MANY_POSITIONALS:
            found = (found or []) + [token]
        elif positional and found is None:
            found = token
            if remainder:
                values["args"] = rest
                rest = []
        else:
            return None
    if positional:
        if found is None:
            return None
        values[positional] = found
        if remainder:
            values.setdefault("args", [])
    return Arguments(**values)


def parse_args(argv):
    parsed = fast_parse(argv)
    if parsed is not None:
        return parsed
    return Arguments(**vars(build_parser().parse_args(argv)))


def main(argv=None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Whatever gets through (a script's own prints): never a UnicodeEncodeError.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        args = parse_args(argv)
        if args.command is None:
            build_parser().print_help(sys.stderr)
            return 2
        from . import commands
        from .errors import ParamscopeError
        from .textsafe import safe_lines
        handler = {"summary": commands.summary_command, "run": commands.run_command,
                   "demo": commands.demo_command, "plot": commands.plot_command,
                   "report": commands.report_command, "profile": commands.profile_command,
                   "diff": commands.diff_command}[args.command]
        try:
            return handler(args)
        except ParamscopeError as e:
            sys.stdout.flush()
            print(f"paramscope: error: {safe_lines(e)}", file=sys.stderr)
            return 2
    except KeyboardInterrupt:
        print("paramscope: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
