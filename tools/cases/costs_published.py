"""Published multiply-add counts of the keras.applications architectures (issue 11, Proof).

Plain data, read by tools/costs_published.py (tools/make_costs.py --only published), which adds
the MACs computed in Keras at the same resolution and writes tests/golden/costs/published.json.

Each entry: ``model`` (keras.applications function), ``kwargs`` (with ``input_shape`` at the
paper's resolution), ``resolution``, ``published`` (multiply-adds, None where no figure could
be sourced), ``as_published`` (the figure as printed), ``counts`` (what the figure counts, in the
source's words), ``paper`` (title, arXiv id, table/section when known), ``source`` (where the
figure was read: an official README/docstring or a page quoting the paper; every figure here was
read there, none is recalled), ``explanation`` (required when the computed MACs differ by more
than 2%: the generator refuses to write the table otherwise; kept only where the difference
is over 2%), ``note`` (optional).

Nearly every "FLOPs" figure of these papers counts multiply-adds (one per multiply-accumulate):
the ResNet paper says so ("3.6 billion FLOPs (multiply-adds)"), the EfficientNet and ConvNeXt
figures are multiply-add counts as well (fvcore/TF profilers count one "flop" per MAC), the
MobileNet/NASNet tables say "Mult-Adds"/"MACs".  paramscope's FLOPs are 2 x MACs, so these
figures are compared with its MACs.
"""

_SLIM = "https://github.com/tensorflow/models/blob/master/research/slim/nets/"
_RESNET = {"title": "Deep Residual Learning for Image Recognition", "arxiv": "1512.03385"}
_RESNET_SOURCES = (
    "https://stats.stackexchange.com/questions/291843 (quotes the paper, Sec. 4.1: '152-layer "
    "ResNet (11.3 billion FLOPs) ... VGG-16/19 nets (15.3/19.6 billion FLOPs)'); "
    "https://discourse.opengenus.org/t/floating-point-operations-per-second-flops-of-machine-"
    "learning-models/1681 (lists the paper's Table 1: ResNet 50 3.8, 101 7.6, 152 11.3 billion)")
_EFFNET = {"title": "EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks",
           "arxiv": "1905.11946", "table": "Table 2"}
_EFFNET_SOURCE = ("github.com/shengjiex98/Uncertain-Linear-System efficientnet-surface.jl (the "
                  "paper's Table 2: FLOP in billions B0 0.39 ... B7 37); github.com/tensorflow/tpu "
                  "models/official/efficientnet/README.md (B7: '66M parameters and 37B FLOPS')")
_EFFNET_EXPLAIN = ("torchvision's documented count for the same architecture at the same "
                   "resolution ({tv} GFLOPS, {where}) agrees with ours, so the gap is in the "
                   "paper's figure, whose counting rule the paper does not state.")
_TV_WHERE = {4: "pytorch.org/vision efficientnet_b4 page",
             5: "as listed from torchvision in github.com/R300-AI/ITRI-AI-Hub Model-Zoo",
             6: "as listed from torchvision in github.com/R300-AI/ITRI-AI-Hub Model-Zoo",
             7: "as quoted from torchvision on huggingface.co/lucid-dl/efficientnet-b7"}
_EFFV2 = {"title": "EfficientNetV2: Smaller Models and Faster Training", "arxiv": "2104.00298"}
_EFFV2_SOURCE = "github.com/google/automl efficientnetv2/README.md (official checkpoints table)"
_CONVNEXT = {"title": "A ConvNet for the 2020s", "arxiv": "2201.03545"}
_CONVNEXT_SOURCE = "github.com/facebookresearch/ConvNeXt README.md (results table, FLOPs column)"
_NASNET = {"title": "Learning Transferable Architectures for Scalable Image Recognition",
           "arxiv": "1707.07012"}
_V3 = {"title": "Searching for MobileNetV3", "arxiv": "1905.02244"}
_V3_SOURCE = (_SLIM + "mobilenet/README.md (Mobilenet V3 Imagenet Checkpoints, MACs (M)); the same "
              "table is in the docstring of keras/src/applications/mobilenet_v3.py")
_MULT_ADDS = "multiply-adds"
_CALLED_FLOPS = "multiply-adds (called FLOPs)"


def _size(side):
    return {"input_shape": (side, side, 3)}


PUBLISHED = [
    {"model": "MobileNet", "kwargs": _size(224), "resolution": 224, "published": 569e6,
     "as_published": "569 Million Mult-Adds", "counts": _MULT_ADDS,
     "paper": {"title": "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision "
                        "Applications", "arxiv": "1704.04861", "table": "Table 8"},
     "source": _SLIM + "mobilenet_v1.md (MobileNet_v1_1.0_224: 569 Million MACs)",
     "note": "tf.keras's old docs table says 529 for 1.0 MobileNet-224 (a typo; its 192/160/128 "
             "rows repeat 529 too)."},
    {"model": "MobileNet", "kwargs": dict(_size(128), alpha=0.5), "resolution": 128,
     "published": 49e6, "as_published": "49 Million MACs", "counts": _MULT_ADDS,
     "paper": {"title": "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision "
                        "Applications", "arxiv": "1704.04861"},
     "source": _SLIM + "mobilenet_v1.md (MobileNet_v1_0.50_128: 49 Million MACs)"},
    {"model": "MobileNetV2", "kwargs": _size(224), "resolution": 224, "published": 300e6,
     "as_published": "300 M MACs", "counts": _MULT_ADDS,
     "paper": {"title": "MobileNetV2: Inverted Residuals and Linear Bottlenecks",
               "arxiv": "1801.04381", "table": "Table 4"},
     "source": _SLIM + "mobilenet/README.md (mobilenet_v2_1.0_224: 300 MACs (M))"},
    {"model": "MobileNetV3Large", "kwargs": _size(224), "resolution": 224, "published": 217e6,
     "as_published": "217 MACs (M)", "counts": _MULT_ADDS, "paper": _V3, "source": _V3_SOURCE},
    {"model": "MobileNetV3Large", "kwargs": dict(_size(224), minimalistic=True),
     "resolution": 224, "published": 209e6, "as_published": "209 MACs (M)", "counts": _MULT_ADDS,
     "paper": _V3, "source": _V3_SOURCE},
    {"model": "MobileNetV3Large", "kwargs": dict(_size(224), alpha=0.75), "resolution": 224,
     "published": 155e6, "as_published": "155 MACs (M)", "counts": _MULT_ADDS, "paper": _V3,
     "source": _V3_SOURCE},
    {"model": "MobileNetV3Small", "kwargs": _size(224), "resolution": 224, "published": 66e6,
     "as_published": "66 MACs (M), 2.9 M params", "counts": _MULT_ADDS, "paper": _V3,
     "source": _V3_SOURCE,
     "explanation": "That row lists 2.9 M parameters where Keras's MobileNetV3Small has 2.55 M, so "
                    "it describes a larger network than the one Keras builds (whose 56.5 M MACs "
                    "match the 56 M the issue quotes for the paper's V3-Small)."},
    {"model": "MobileNetV3Small", "kwargs": dict(_size(224), alpha=0.75), "resolution": 224,
     "published": 44e6, "as_published": "44 MACs (M)", "counts": _MULT_ADDS, "paper": _V3,
     "source": _V3_SOURCE},
    {"model": "ResNet50", "kwargs": _size(224), "resolution": 224, "published": 3.8e9,
     "as_published": "3.8 x 10^9 FLOPs", "counts": _CALLED_FLOPS,
     "paper": dict(_RESNET, table="Table 1"), "source": _RESNET_SOURCES,
     "note": "Keras's ResNet50 is the paper's (v1, stride on the 1x1 convolution)."},
    {"model": "ResNet101", "kwargs": _size(224), "resolution": 224, "published": 7.6e9,
     "as_published": "7.6 x 10^9 FLOPs", "counts": _CALLED_FLOPS,
     "paper": dict(_RESNET, table="Table 1"), "source": _RESNET_SOURCES},
    {"model": "ResNet152", "kwargs": _size(224), "resolution": 224, "published": 11.3e9,
     "as_published": "11.3 x 10^9 FLOPs", "counts": _CALLED_FLOPS,
     "paper": dict(_RESNET, table="Table 1"), "source": _RESNET_SOURCES},
    {"model": "VGG16", "kwargs": _size(224), "resolution": 224, "published": 15.3e9,
     "as_published": "15.3 billion FLOPs", "counts": _CALLED_FLOPS,
     "paper": dict(_RESNET, table="Sec. 4.1 (the VGG paper, arXiv 1409.1556, gives no count)"),
     "source": _RESNET_SOURCES},
    {"model": "VGG19", "kwargs": _size(224), "resolution": 224, "published": 19.6e9,
     "as_published": "19.6 billion FLOPs", "counts": _CALLED_FLOPS,
     "paper": dict(_RESNET, table="Sec. 3.3 and 4.1"), "source": _RESNET_SOURCES},
    {"model": "InceptionV3", "kwargs": _size(299), "resolution": 299, "published": 5e9,
     "as_published": "5 billion multiply-adds per inference", "counts": _MULT_ADDS,
     "paper": {"title": "Rethinking the Inception Architecture for Computer Vision",
               "arxiv": "1512.00567", "table": "abstract"},
     "source": "https://mmclassification.readthedocs.io/en/dev-1.x/papers/inception_v3.html "
               "(quotes the abstract)",
     "explanation": "The abstract gives a rounded order of magnitude ('5 billion'), not a count; "
                    "at 299 x 299 Keras's InceptionV3 (without the auxiliary classifier) has 5.71 G."},
    {"model": "NASNetMobile", "kwargs": _size(224), "resolution": 224, "published": 564e6,
     "as_published": "564 Million MACs", "counts": _MULT_ADDS,
     "paper": dict(_NASNET, table="Table 3"),
     "source": _SLIM + "nasnet/README.md (NASNet-A_Mobile_224: 564 Million MACs)"},
    {"model": "NASNetLarge", "kwargs": _size(331), "resolution": 331, "published": 23.8e9,
     "as_published": "23800 Million MACs", "counts": _MULT_ADDS,
     "paper": dict(_NASNET, table="Table 2"),
     "source": _SLIM + "nasnet/README.md (NASNet-A_Large_331: 23800 Million MACs)"},
]

for _n, (_side, _pub, _text, _tv) in enumerate((
        (224, 0.39e9, "0.39B", 0.39), (240, 0.70e9, "0.70B", None), (260, 1.0e9, "1.0B", None),
        (300, 1.8e9, "1.8B", None), (380, 4.2e9, "4.2B", 4.39), (456, 9.9e9, "9.9B", 10.27),
        (528, 19e9, "19B", 19.07), (600, 37e9, "37B", 37.746))):
    PUBLISHED.append({
        "model": f"EfficientNetB{_n}", "kwargs": _size(_side), "resolution": _side,
        "published": _pub, "as_published": f"{_text} FLOPS", "counts": _CALLED_FLOPS,
        "paper": _EFFNET, "source": _EFFNET_SOURCE,
        "explanation": _EFFNET_EXPLAIN.format(tv=_tv, where=_TV_WHERE.get(_n)) if _n in _TV_WHERE
        else None})

for _name, _side, _pub, _text in (("EfficientNetV2B0", 224, 0.72e9, "0.72B"),
                                  ("EfficientNetV2B1", 240, 1.2e9, "1.2B"),
                                  ("EfficientNetV2B2", 260, 1.7e9, "1.7B"),
                                  ("EfficientNetV2B3", 300, 3.0e9, "3.0B"),
                                  ("EfficientNetV2S", 384, 8.4e9, "8.4B"),
                                  ("EfficientNetV2M", 480, 24.7e9, "24.7B"),
                                  ("EfficientNetV2L", 480, 56.3e9, "56.3B")):
    PUBLISHED.append({
        "model": _name, "kwargs": _size(_side), "resolution": _side, "published": _pub,
        "as_published": f"{_text} FLOPs", "counts": _CALLED_FLOPS, "paper": _EFFV2,
        "source": _EFFV2_SOURCE,
        "note": "The paper's Table 7 is not quoted by any source available here; the official "
                "README's figures are used."})

for _name, _pub, _text in (("ConvNeXtTiny", 4.5e9, "4.5G"), ("ConvNeXtSmall", 8.7e9, "8.7G"),
                           ("ConvNeXtBase", 15.4e9, "15.4G"), ("ConvNeXtLarge", 34.4e9, "34.4G"),
                           ("ConvNeXtXLarge", 60.9e9, "60.9G")):
    PUBLISHED.append({
        "model": _name, "kwargs": _size(224), "resolution": 224, "published": _pub,
        "as_published": f"{_text} FLOPs", "counts": _CALLED_FLOPS, "paper": _CONVNEXT,
        "source": _CONVNEXT_SOURCE})

# Architectures whose papers publish no multiply-add figure that could be sourced here: listed
# with their computed MACs only.
_NOT_FOUND = "no multiply-add figure found in a source available here"
_DENSENET = ({"title": "Densely Connected Convolutional Networks", "arxiv": "1608.06993"},
             _NOT_FOUND + " (the paper compares FLOPs in a plot, Figure 3)")
for _name, _side, (_paper, _why) in (
        ("Xception", 299, ({"title": "Xception: Deep Learning with Depthwise Separable "
                                     "Convolutions", "arxiv": "1610.02357"}, _NOT_FOUND)),
        ("InceptionResNetV2", 299, ({"title": "Inception-v4, Inception-ResNet and the Impact of "
                                              "Residual Connections on Learning",
                                     "arxiv": "1602.07261"}, _NOT_FOUND)),
        ("DenseNet121", 224, _DENSENET), ("DenseNet169", 224, _DENSENET),
        ("DenseNet201", 224, _DENSENET),
        ("ResNet50V2", 224, ({"title": "Identity Mappings in Deep Residual Networks",
                              "arxiv": "1603.05027"}, _NOT_FOUND))):
    PUBLISHED.append({"model": _name, "kwargs": _size(_side), "resolution": _side,
                      "published": None, "as_published": None, "counts": None, "paper": _paper,
                      "source": None, "note": _why})
