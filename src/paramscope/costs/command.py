"""``paramscope profile`` and ``paramscope diff`` (argument checks and output)."""

from __future__ import annotations

import sys

from ..errors import ParamscopeError


def parse_batch_size(text):
    """``--batch-size``: a positive integer (``0``, ``-1``, ``1.5``, ``x`` are errors)."""
    value = str(text).strip()
    if not value.isdigit() or int(value) < 1:
        raise ParamscopeError(f"--batch-size must be a positive integer (1, 32, ...); "
                              f"received {text!r}.")
    return int(value)


def load_for_profile(args, path, model_name):
    from ..commands import load_model_source, script_semantics
    with script_semantics(args):
        return load_model_source(path, model_name, script_stdout=sys.stderr,
                                 assume_passthrough=getattr(args, "assume_passthrough", ()),
                                 settings=getattr(args, "settings", ()))


def run_profile(args, options) -> int:
    """``paramscope profile``, rendered with ``options`` (a ``report.RenderOptions``)."""
    from ..report import profile as profile_report
    from .profile import profile
    batch_size = parse_batch_size(args.batch_size)
    model = load_for_profile(args, args.model, args.model_name)
    if args.input_shapes:
        from .whatif import rebuild_at
        model = rebuild_at(model, args.input_shapes)
    result = profile(model, batch_size=batch_size, optimizer=args.optimizer,
                     explain=options.explain)
    from ..commands import warn
    for text in result.summary.warnings:
        warn(text)
    if args.format == "json":
        sys.stdout.write(profile_report.render_json(result, explain=options.explain))
    elif args.format in ("markdown", "csv"):
        from ..report import profile_tables
        render = {"markdown": profile_tables.profile_markdown,
                  "csv": profile_tables.profile_csv}[args.format]
        sys.stdout.write(render(result, expand_nested=options.expand_nested))
    else:
        sys.stdout.write(profile_report.render(result, options))
    return 0


def split_model_spec(text, picked):
    """``A.py:model_name`` -> ``("A.py", "model_name")``; ``--model-a`` wins."""
    path, name = text, None
    if ".py:" in text:
        path, name = text.rsplit(":", 1)
    return path, picked or name


def run_diff(args) -> int:
    from ..report import diff as diff_report
    from .diff import diff
    models = []
    for text, picked in zip(args.models, (args.model_a, args.model_b)):
        path, name = split_model_spec(text, picked)
        models.append(load_for_profile(args, path, name))
    result = diff(*models)
    from ..report.profile_tables import diff_csv
    render = {"json": diff_report.render_json, "markdown": diff_report.render_markdown,
              "csv": diff_csv, "text": diff_report.render_text}[args.format]
    sys.stdout.write(render(result))
    return 1 if args.exit_code and result.differs else 0
