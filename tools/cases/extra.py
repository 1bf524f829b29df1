"""Golden cases for layers the other case lists do not cover (adaptive pooling)."""

CASES = []

for dims, shape in ((1, "(20, 3)"), (2, "(17, 12, 3)"), (3, "(9, 8, 7, 2)")):
    for kind in ("Average", "Max"):
        for size in ((4,), (2, 3)[:dims] if dims > 1 else (5,)):
            out = size[0] if len(size) == 1 else tuple(size) + (1,) * (dims - len(size))
            CASES.append({
                "id": f"adaptive/{kind}{dims}d_{'x'.join(map(str, size))}",
                "code": (f"model = keras.Sequential([\n    keras.Input(shape={shape}),\n"
                         f"    layers.Adaptive{kind}Pooling{dims}D({out!r}),\n"
                         f"    layers.Flatten(),\n    layers.Dense(2),\n])\n"),
                "tags": ["adaptive"],
            })
    CASES.append({
        "id": f"adaptive/Average{dims}d_channels_first",
        "code": (f"model = keras.Sequential([\n    keras.Input(shape={shape}),\n"
                 f"    layers.AdaptiveAveragePooling{dims}D(2, data_format='channels_first'),\n])\n"),
        "tags": ["adaptive"],
    })
CASES.append({
    "id": "adaptive/unbuilt",
    "code": "model = keras.Sequential([layers.AdaptiveMaxPooling2D(3), layers.Dense(2)])\n",
    "tags": ["adaptive", "unbuilt"],
})
