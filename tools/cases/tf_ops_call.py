"""Golden cases: TensorFlow operations inside custom layers' ``call()`` and Lambda functions
in models written for tf.keras (Keras 2), where tf-keras traces them in a graph.  (Apart
from tools/cases/tf_ops.py: their configs name the scripts' own classes, which a model file
cannot carry.)

    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend tfkeras \\
        --cases tools/cases/tf_ops_call.py --out tests/golden/tf_scripts/tf_ops_call.json.gz
"""

from tf_call_shared import (CONCAT_POOL, LAMBDA_WITH_TF, PATCHES, POSITION_EMBEDDING,
                            SAMPLING_VAE, SPLIT_HEADS, case_adder)

CASES = []
_add = case_adder(CASES, "tf_ops_call")

_add("sampling_vae", SAMPLING_VAE + """\
z = Sampling()([z_mean, z_log_var])
model = keras.Model(inputs, [z_mean, z_log_var, z])
""")
_add("patches", PATCHES)
_add("split_heads", SPLIT_HEADS)
_add("position_embedding", POSITION_EMBEDDING)
_add("concat_pool", CONCAT_POOL)
_add("lambda_with_tf", LAMBDA_WITH_TF)
