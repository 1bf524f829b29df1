"""``keras.ops.nn`` for sequences and images (``keras/src/ops/nn.py``): attention, CTC,
``unfold``/``fold`` and ``depth_to_space``/``space_to_depth``."""

from __future__ import annotations

from ..layers.base import KerasTensor
from ._base import Operation, call
from ._dtypes import result_type
from ._shapes import OpShapeError
from .nn import standardize_data_format

__all__ = ["DotProductAttention", "dot_product_attention", "CTCLoss", "ctc_loss", "CTCDecode",
           "ctc_decode", "Unfold", "unfold", "Fold", "fold", "DepthToSpace", "depth_to_space",
           "SpaceToDepth", "space_to_depth"]


class DotProductAttention(Operation):
    def __init__(self, is_causal=False, flash_attention=None, attn_logits_soft_cap=None, *,
                 name=None):
        super().__init__(name=name)
        self.is_causal, self.flash_attention = is_causal, flash_attention
        self.attn_logits_soft_cap = attn_logits_soft_cap

    def compute_output_spec(self, query, key, value, bias=None, mask=None, scale=None):
        return KerasTensor(query.shape, dtype=result_type(query.dtype, key.dtype, value.dtype))


def dot_product_attention(query, key, value, bias=None, mask=None, scale=None, is_causal=False,
                          flash_attention=None, attn_logits_soft_cap=None):
    if attn_logits_soft_cap is not None:
        raise OpShapeError("attn_logits_soft_cap is only supported for JAX on TPU. Set "
                           "attn_logits_soft_cap=None when not using JAX on TPU.")
    return call(DotProductAttention, (query, key, value),
                {"bias": bias, "mask": mask, "scale": scale}, check=(query, key, value),
                is_causal=is_causal, flash_attention=flash_attention,
                attn_logits_soft_cap=attn_logits_soft_cap)


class CTCLoss(Operation):
    def __init__(self, mask_index=0, *, name=None):
        super().__init__(name=name)
        self.mask_index = mask_index

    @staticmethod
    def _same_first_dim(name1, shape1, name2, shape2):
        if shape1[0] != shape2[0]:
            raise OpShapeError(f"Arguments `{name1}` and `{name2}` must have the same first "
                               f"dimension. Received shapes: `{shape1}` and `{shape2}`.")

    def compute_output_spec(self, target, output, target_length, output_length):
        self._same_first_dim("target", target.shape, "output", output.shape)
        self._same_first_dim("target_length", target_length.shape, "target", target.shape)
        self._same_first_dim("output_length", output_length.shape, "output", output.shape)
        return KerasTensor((target.shape[0],), dtype=result_type(output.dtype, "float32"))


def ctc_loss(target, output, target_length, output_length, mask_index=0):
    return call(CTCLoss, (target, output, target_length, output_length), mask_index=mask_index)


class CTCDecode(Operation):
    def __init__(self, strategy="greedy", beam_width=100, top_paths=1, merge_repeated=True,
                 mask_index=0, *, name=None):
        super().__init__(name=name)
        self.strategy, self.beam_width, self.top_paths = strategy, beam_width, top_paths
        self.merge_repeated, self.mask_index = merge_repeated, mask_index

    def compute_output_spec(self, inputs, sequence_lengths):
        shape = inputs.shape
        paths = 1 if self.strategy == "greedy" else self.top_paths
        return (KerasTensor((paths, shape[0], shape[1]), dtype="int32"),
                KerasTensor((shape[0], paths), dtype=result_type(inputs.dtype, "float32")))


def ctc_decode(inputs, sequence_lengths, strategy="greedy", beam_width=100, top_paths=1,
               merge_repeated=True, mask_index=0):
    return call(CTCDecode, (inputs, sequence_lengths), strategy=strategy, beam_width=beam_width,
                top_paths=top_paths, merge_repeated=merge_repeated, mask_index=mask_index)


def _pair(value):
    return (value, value) if isinstance(value, int) else value


class Unfold(Operation):
    def __init__(self, kernel_size, dilation=1, padding=0, stride=1, *, name=None):
        super().__init__(name=name)
        self.kernel_size, self.dilation = kernel_size, dilation
        self.padding, self.stride = padding, stride

    def compute_output_spec(self, x):
        n, c, h, w = x.shape
        (kh, kw), (dh, dw) = _pair(self.kernel_size), _pair(self.dilation)
        (ph, pw), (sh, sw) = _pair(self.padding), _pair(self.stride)

        def out_size(length, k, d, p, s):
            return (length + 2 * p - d * (k - 1) - 1) // s + 1
        out_h, out_w = out_size(h, kh, dh, ph, sh), out_size(w, kw, dw, pw, sw)
        return KerasTensor((n, c * kh * kw, out_h * out_w), dtype=x.dtype)


def unfold(x, kernel_size, dilation=1, padding=0, stride=1):
    if len(x.shape) != 4:
        raise OpShapeError(f"Input must be a 4D tensor. Received: input.shape={x.shape}")
    return call(Unfold, (x,), kernel_size=kernel_size, dilation=dilation, padding=padding,
                stride=stride)


class Fold(Operation):
    def __init__(self, output_size, kernel_size, dilation=1, padding=0, stride=1, *,
                 name=None):
        super().__init__(name=name)
        self.output_size, self.kernel_size = output_size, kernel_size
        self.dilation, self.padding, self.stride = dilation, padding, stride

    def compute_output_spec(self, x):
        n, ckk, _ = x.shape
        kh, kw = _pair(self.kernel_size)
        oh, ow = _pair(self.output_size)
        if ckk is not None and ckk % (kh * kw) != 0:
            raise OpShapeError(f"The second dimension of the input ({ckk}) must be divisible by "
                               f"kernel_size product ({kh * kw}).")
        return KerasTensor((n, None if ckk is None else ckk // (kh * kw), oh, ow), dtype=x.dtype)


def fold(x, output_size, kernel_size, dilation=1, padding=0, stride=1):
    if len(x.shape) != 3:
        raise OpShapeError(f"Input must be a 3D tensor. Received: input.shape={x.shape}")
    return call(Fold, (x,), output_size=output_size, kernel_size=kernel_size,
                dilation=dilation, padding=padding, stride=stride)


class DepthToSpace(Operation):
    def __init__(self, block_size, data_format="channels_last", *, name=None):
        super().__init__(name=name)
        self.block_size = block_size
        self.data_format = standardize_data_format(data_format)

    def _dims(self, x, what):
        if len(x.shape) != 4:
            raise OpShapeError(f"`{what}` requires a 4D input tensor. Received: x.shape={x.shape}")
        if self.data_format == "channels_last":
            b, h, w, c = x.shape
        else:
            b, c, h, w = x.shape
        return b, h, w, c

    def _result(self, x, b, h, w, c):
        shape = (b, h, w, c) if self.data_format == "channels_last" else (b, c, h, w)
        return KerasTensor(shape, dtype=x.dtype)

    def compute_output_spec(self, x):
        b, h, w, c = self._dims(x, "depth_to_space")
        block = self.block_size
        if c is not None and c % block ** 2 != 0:
            raise OpShapeError(f"The number of channels ({c}) must be divisible by "
                               f"block_size**2 ({block ** 2}).")
        return self._result(x, b, None if h is None else h * block,
                            None if w is None else w * block,
                            None if c is None else c // block ** 2)


class SpaceToDepth(DepthToSpace):
    def compute_output_spec(self, x):
        b, h, w, c = self._dims(x, "space_to_depth")
        block = self.block_size
        if h is not None and h % block != 0:
            raise OpShapeError(f"Height ({h}) must be divisible by block_size ({block}).")
        if w is not None and w % block != 0:
            raise OpShapeError(f"Width ({w}) must be divisible by block_size ({block}).")
        return self._result(x, b, None if h is None else h // block,
                            None if w is None else w // block,
                            None if c is None else c * block ** 2)


def _space_depth(cls, x, block_size, data_format):
    data_format = standardize_data_format(data_format)
    if block_size < 2:
        raise OpShapeError(f"`block_size` must be at least 2. Received: block_size={block_size}")
    return call(cls, (x,), block_size=block_size, data_format=data_format)


def depth_to_space(x, block_size, data_format="channels_last"):
    return _space_depth(DepthToSpace, x, block_size, data_format)


def space_to_depth(x, block_size, data_format="channels_last"):
    return _space_depth(SpaceToDepth, x, block_size, data_format)
