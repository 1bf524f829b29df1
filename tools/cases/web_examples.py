"""Golden cases: the web page's examples (web/examples/*.py) as real Keras runs them.

The page's menu also has the seed scripts (examples/), which tests/test_seeds.py and the
golden cases already cover; these are the page's own: an LSTM text classifier, Transformer
blocks, a frozen ResNet50 base.  Each case is the example file as it is, except that
``weights="imagenet"`` becomes ``weights=None`` (the generator downloads nothing; the
architecture does not depend on the weights). Built normally ("eager"): a script that
compiles creates its optimizer's variables, which a stateless scope refuses.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py \\
        --cases tools/cases/web_examples.py --out tests/golden/web/examples.json.gz
"""

import os

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "web", "examples")

CASES = []
for _name in sorted(os.listdir(EXAMPLES)):
    if _name.endswith(".py"):
        with open(os.path.join(EXAMPLES, _name), encoding="utf-8") as _f:
            _code = _f.read()
        CASES.append({"id": "web_examples/" + _name[:-3],
                      "code": _code.replace('weights="imagenet"', "weights=None"),
                      "tags": ["web_example", "eager"]})
