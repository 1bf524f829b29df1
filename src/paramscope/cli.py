"""``paramscope``: the command line.  Argument parsing only; see commands.py."""

from __future__ import annotations

import argparse
import sys

from . import __version__

STYLES = ("keras3", "keras2", "keras2-classic")


def _summary_options(p):
    p.add_argument("--style", choices=STYLES, default="keras3",
                   help="table layout: Keras 3 (default), tf.keras 2.13+, or classic Keras 2")
    p.add_argument("--line-length", type=int, default=None, metavar="N",
                   help="total width of the table, as model.summary(line_length=N)")
    p.add_argument("--show-trainable", action="store_true",
                   help="add the Trainable column, as model.summary(show_trainable=True)")
    p.add_argument("--expand-nested", action="store_true",
                   help="list the layers of nested models, as model.summary(expand_nested=True)")
    p.add_argument("--explain", action="store_true",
                   help="print each layer's parameter and shape arithmetic under the table")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the Keras 3 table (default: when stdout is a terminal)")


def build_parser():
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
    p.add_argument("model", metavar="MODEL", help="a .py script, or a .keras/.h5/.json file")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--model", dest="model_name", metavar="NAME", default=None,
                   help="in a script that builds several models: the global variable or model "
                        "name to summarise")
    p.add_argument("--assume-passthrough", action="append", default=[], metavar="NAME",
                   help="in a model file: treat the unknown layer class (or layer) NAME as a "
                        "weightless layer that keeps its input's shape (repeatable)")
    _summary_options(p)

    p = sub.add_parser("run", help="run a Keras script on paramscope (no TensorFlow needed)",
                       description="Run SCRIPT with `keras`, `tensorflow.keras` and the classic "
                                   "Keras 2 import paths resolving to paramscope; model.summary() "
                                   "prints what Keras prints.")
    p.add_argument("script", metavar="SCRIPT")
    p.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the script")
    _summary_options(p)

    p = sub.add_parser("demo", help="summarise an embedded example model, with its arithmetic")
    _summary_options(p)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    from . import commands
    from .errors import ParamscopeError
    handler = {"summary": commands.summary_command, "run": commands.run_command,
               "demo": commands.demo_command}[args.command]
    try:
        return handler(args)
    except ParamscopeError as e:
        sys.stdout.flush()
        print(f"paramscope: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
