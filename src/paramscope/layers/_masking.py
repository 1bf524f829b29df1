"""Masks (keras/src/layers/layer.py, Keras 3.15): whether a layer passes a mask on,
the mask arguments Keras fills into a call, the output masks it attaches."""

from __future__ import annotations

from .. import tree
from ._signature import function_code
from ._tensor import KerasTensor


def get_keras_mask(x):
    return getattr(x, "_keras_mask", None)


class LayerMasking:
    """Layer's mask behaviour (a part of :class:`~paramscope.layers.base.Layer`)."""

    @property
    def supports_masking(self):
        """Whether the layer passes a mask on. A class that does declares
        ``supports_masking = True`` (Keras sets it in ``__init__``); otherwise it is True
        when ``compute_mask`` is overridden (Keras: ``not is_default(self.compute_mask)``)."""
        value = self.__dict__.get("_supports_masking")
        if value is None:
            cls = type(self)
            value = cls.__dict__.get("_cached_supports_masking")
            if value is None:
                value = cls.compute_mask is not LayerMasking.compute_mask
                setattr(cls, "_cached_supports_masking", value)
        return value

    @supports_masking.setter
    def supports_masking(self, value):
        self.__dict__["_supports_masking"] = bool(value)

    def compute_mask(self, inputs, previous_mask):
        """The output mask: Keras passes the input's mask on (merge layers combine theirs)."""
        return previous_mask

    def _mask_arg_names(self):
        cls = type(self)
        names = cls.__dict__.get("_cached_mask_args")
        if names is None:
            names = cls.call_mask_args
            if names is None:
                call = cls.__dict__.get("call") or getattr(cls, "call", None)
                from .base import Layer  # (once per class: the result is cached)
                code = function_code(call) if call is not None and call is not Layer.call else None
                params = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount] if code else ()
                names = tuple(p for p in params if p == "mask" or p.endswith("_mask"))
            names = tuple(names)
            setattr(cls, "_cached_mask_args", names)
        return names

    def _populate_masks(self, args, kwargs, bound, options, tensor_args, first):
        """Keras's step 6: mask arguments from the inputs' masks; returns the previous mask.

        Keras fills ``mask`` (or ``<arg>_mask``) into the call's keyword arguments. That
        dict is also the one its Node keeps, unless Keras converted the inputs first (a
        keyword argument, several positional ones, or a dtype to cast): then the node's
        arguments stay as passed.  So a mask tensor is an input of the node (and appears in
        "Connected to") exactly when Keras puts it there.
        """
        names = self._mask_arg_names()
        flat_first = first if isinstance(first, KerasTensor) else None
        if not names and (flat_first is not None and flat_first._keras_mask is None):
            return None  # the common case: no mask anywhere
        converted = self._convert_input_args and (
            bool(kwargs) or len(args) != 1 or flat_first is None
            or flat_first.dtype != self.input_dtype)
        filled = {}
        if names:
            given = lambda key: bound.get(key, options.get(key))
            if len(tensor_args) == 1:
                if "mask" in names and given("mask") is None:
                    only = next(iter(tensor_args.values()))
                    filled["mask"] = tree.map_structure(get_keras_mask, only)
            elif len(tensor_args) > 1:
                for key, value in tensor_args.items():
                    name = f"{key}_mask"
                    if name in names and given(name) is None:
                        filled[name] = tree.map_structure(get_keras_mask, value)
            if not converted:
                kwargs.update(filled)
        mask = bound.get("mask", options.get("mask"))
        if mask is None:
            mask = filled.get("mask")
        if mask is None:
            return tree.map_structure(get_keras_mask, first)
        return mask

    def _set_mask_metadata(self, inputs, outputs, previous_mask):
        if not self.supports_masking:
            return
        cls = type(self)
        if previous_mask is None and cls.compute_mask is LayerMasking.compute_mask:
            return  # compute_mask would pass the missing mask on: nothing to attach
        flat_outputs = tree.flatten(outputs)
        if all(get_keras_mask(x) is not None for x in flat_outputs):
            return
        masks = self.compute_mask(inputs, previous_mask)
        if masks is None:
            return
        for tensor, mask in zip(flat_outputs, tree.flatten(masks)):
            if mask is not None and isinstance(tensor, KerasTensor) and tensor._keras_mask is None:
                tensor._keras_mask = mask
