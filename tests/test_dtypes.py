"""Dtype policies as Keras resolves them."""

from paramscope.dtypes import get_policy


def test_policy_configs():
    assert get_policy("mixed_float16").variable_dtype == "float32"
    assert get_policy("mixed_float16").compute_dtype == "float16"
    assert get_policy({"class_name": "Policy", "config": {"name": "mixed_bfloat16"}}).variable_dtype == "float32"
    q = get_policy({"module": "keras", "class_name": "QuantizedDTypePolicy",
                    "config": {"mode": "int8", "source_name": "float32"}})
    assert (q.name, q.quantization, q.variable_dtype) == ("int8_from_float32", "int8", "float32")
    assert get_policy("float64").variable_dtype == "float64"
