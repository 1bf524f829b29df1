"""What the CLI commands do (``cli.py`` only parses arguments)."""

from __future__ import annotations

import os
import sys

from .errors import ParamscopeError
from .textsafe import safe_lines, safe_text


def warn(text, one_line=True):
    """A warning on stderr, terminal-safe (it may quote the file or the script): on one
    line, or, for a script's own ``warnings.warn`` text, on the lines it has."""
    shown = safe_text(text) if one_line else safe_lines(text)
    print(f"paramscope: warning: {shown}", file=sys.stderr)


def load_model_source(path, model_name=None, script_stdout=None, assume_passthrough=(),
                      settings=()):
    """A model from a ``.py`` script (run on paramscope), a model file, or standard input."""
    from . import inputs
    if inputs.is_stdin(path):
        from .formats import load
        return load(inputs.read_stdin(), assume_passthrough=assume_passthrough, name="<stdin>")
    if not os.path.exists(path):
        raise ParamscopeError(f"{path}: no such file")
    if os.path.isdir(path):
        raise ParamscopeError(f"{path}: is a directory; expected a model file or a .py script")
    inputs.check_regular_file(path)
    if path.endswith(".py"):
        from .keras.runner import pick_model, pick_model_named, run_script
        result = run_script(path, stdout=script_stdout, keep_going=True, settings=settings,
                            stop_at_computation=True)
        if result.stopped is not None:
            model = _model_built_before_the_stop(result, model_name)
        else:
            model = pick_model_named(result, model_name) if model_name else pick_model(result)
        _print_script_warnings(result)  # when there is a summary: a stop is one message
        return model
    from .formats import load
    return load(path, assume_passthrough=assume_passthrough)


def _print_script_warnings(result):
    for text in result.warnings:
        warn(text, one_line=False)
    for text in result.unused_settings:
        warn(f"--set {text} was not used: the script never left "
             f"{text.split('=', 1)[0].split('.', 1)[0]} unknown")


def _model_built_before_the_stop(result, model_name):
    """After a script stopped: at its training (``fit``...), the model as built then (the
    script's ``model``, its only model, or the one ``--model`` names); after any other stop,
    only the model ``--model`` names, if it was built before the stop; otherwise the stop,
    listing the models built before it."""
    from .graph import Model
    from .keras.runner import ScriptError, built_models, pick_model_named, top_level_models
    model = None
    if model_name:
        try:
            model = pick_model_named(result, model_name)
        except ParamscopeError as e:  # not built before the stop: say why it stopped too
            raise ScriptError(f"{str(result.stopped).rstrip('.')}. {e}") from None
    elif getattr(result.stopped, "computation", False):
        complete = [m for m in top_level_models(result.models) if id(m) not in result.incomplete]
        candidate = result.namespace.get("model")
        if isinstance(candidate, Model) and id(candidate) not in result.incomplete:
            model = candidate
        elif len(complete) == 1:
            model = complete[0]
    if model is not None:
        print(f"paramscope: note: the script stopped ({safe_text(result.stopped)}); the summary "
              f"is of {model.name!r} as built before that.", file=sys.stderr)
        return model
    models = built_models(result)
    if not models:
        raise result.stopped
    raise ScriptError(
        f"{str(result.stopped).rstrip('.')}. Models built before it stopped: "
        f"{', '.join(models)}; pass --model NAME to summarise one of them.")


def summary_command(args) -> int:
    from . import report
    from .summary import summarize
    report.check_line_length(args.line_length)
    paths = [args.model] if isinstance(args.model, str) else list(args.model)
    if len(paths) != 1 or _many_models(paths):
        return summary_of_files(args, paths)
    with _script_semantics(args):
        model = load_model_source(paths[0], getattr(args, "model_name", None),
                                  script_stdout=sys.stderr,
                                  assume_passthrough=getattr(args, "assume_passthrough", ()),
                                  settings=getattr(args, "settings", ()))
    summary = summarize(model, with_explain=bool(args.explain))
    for text in summary.warnings:
        warn(text)
    if args.format == "json":
        from .report import json as json_report
        # Encoded a layer at a time (no whole-document encoder state), all of it before the
        # first write: an error (a number past the printable bound) leaves stdout empty.
        pieces = list(json_report.iter_render(summary, explain=args.explain))
        for piece in pieces:  # a few hundred layers each: not joined again (a long name
            sys.stdout.write(piece)  # would be copied once more)
        return 0
    if args.format == "markdown":
        from .report import markdown
        sys.stdout.write(markdown.render(summary, expand_nested=args.expand_nested,
                                         show_trainable=args.show_trainable))
        return 0
    if args.format == "csv":
        from .report import csv as csv_report
        sys.stdout.write(csv_report.render(summary, expand_nested=args.expand_nested))
        return 0
    color = _use_color(args)
    text = report.render_summary(summary, style=args.style, line_length=args.line_length,
                                 expand_nested=args.expand_nested,
                                 show_trainable=args.show_trainable, color=color,
                                 explain=args.explain)
    sys.stdout.write(text)
    return 0


def _many_models(paths) -> bool:
    from .batch import is_many
    return is_many(paths)


def summary_of_files(args, paths) -> int:
    """``paramscope summary DIR`` (or several files, or a glob): one row per model file;
    exit 2 if any failed."""
    from .batch import find_models, summarise_files
    from .report.files import RENDERERS
    files = find_models(paths)
    options = {"assume_passthrough": getattr(args, "assume_passthrough", ()),
               "settings": getattr(args, "settings", ()),
               "model_name": getattr(args, "model_name", None)}
    with _script_semantics(args):
        rows = summarise_files(files, options)
    sys.stdout.write(RENDERERS[args.format](rows))
    return 2 if any(row.error is not None for row in rows) else 0


def run_command(args) -> int:
    from . import inputs, report
    from .keras.runner import run_script
    report.check_line_length(args.line_length)
    report.defaults.update(style=args.style, explain=args.explain,
                           expand_nested=args.expand_nested, show_trainable=args.show_trainable,
                           line_length=args.line_length)
    if os.path.exists(args.script):
        inputs.check_regular_file(args.script, what="a script")
    with _script_semantics(args):
        result = run_script(args.script, argv=args.args,
                            keep_going=getattr(args, "keep_going", False),
                            settings=getattr(args, "settings", ()))
    if result.stopped is not None:
        raise result.stopped
    _print_script_warnings(result)
    return 0


def demo_command(args) -> int:
    """Summarise the embedded seed example, with its arithmetic."""
    from importlib import resources
    from . import report
    from .summary import summarize
    from .keras.runner import pick_model, run_script
    example = resources.files("paramscope").joinpath("examples", "cnn_tutorial.py")
    with resources.as_file(example) as path:
        print(f"# paramscope demo: {os.path.basename(str(path))} (the CNN from the seed tutorial)")
        print(example.read_text())
        result = run_script(str(path), stdout=sys.stderr)
    model = pick_model(result)
    sys.stdout.write(report.render_summary(summarize(model), style=args.style, explain=True,
                                           color=_use_color(args)))
    return 0


def plot_command(args) -> int:
    """Draw the model's diagram (see paramscope.diagram)."""
    from .diagram.from_model import Options
    from .diagram.plot import check_output_path, plot_format, render_model, write_atomically
    if args.output:
        check_output_path(args.output)     # before the model is loaded: fail fast
    fmt = plot_format(args.output, args.format)
    model = load_model_source(args.model, args.model_name, script_stdout=sys.stderr,
                              assume_passthrough=args.assume_passthrough,
                              settings=args.settings)
    options = Options(show_shapes=args.show_shapes, show_dtype=args.show_dtype,
                      show_layer_activations=args.show_layer_activations,
                      show_trainable=args.show_trainable, show_params=args.show_params,
                      expand_nested=args.expand_nested)
    text = render_model(model, fmt, args.rankdir, options)
    if args.output:
        write_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def report_command(args) -> int:
    """Write the HTML report (see paramscope.report.page)."""
    from .diagram.plot import check_output_path, write_atomically
    from .report import page
    if args.output:
        check_output_path(args.output)     # before the model is loaded: fail fast
        page.check_extension(args.output)
    if args.batch_size < 1:
        raise ParamscopeError(f"--batch-size must be a positive integer; received "
                              f"{args.batch_size}")
    model = load_model_source(args.model, args.model_name, script_stdout=sys.stderr,
                              assume_passthrough=args.assume_passthrough,
                              settings=args.settings)
    text = page.render(model, batch_size=args.batch_size, optimizer=args.optimizer,
                       rankdir=args.rankdir)
    if args.output:
        write_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def profile_command(args) -> int:
    """MACs, FLOPs and memory (see paramscope.costs)."""
    from .costs.command import run_profile
    return run_profile(args, _use_color(args))


def diff_command(args) -> int:
    """Two models compared layer by layer (see paramscope.costs.diff)."""
    from .costs.command import run_diff
    return run_diff(args)


def script_semantics(args):
    """The public name of :func:`_script_semantics` (the cost commands load as summary does)."""
    return _script_semantics(args)


def _script_semantics(args):
    """``--style keras2``/``keras2-classic``: a script is built as tf.keras (Keras 2) built it
    (TensorFlow functions and operators on symbolic tensors are TFOpLambda layers)."""
    if not str(getattr(args, "style", "keras3")).startswith("keras2"):
        import contextlib
        return contextlib.nullcontext()
    from .keras.tensorflow import tf_keras_semantics
    return tf_keras_semantics(True)


def _use_color(args) -> bool:
    if getattr(args, "color", "auto") == "always":
        return True
    if getattr(args, "color", "auto") == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
