"""``keras.ops.image`` (``keras/src/ops/image.py``): resizing, colour conversions,
patches, padding/cropping, geometric transforms, with Keras's shape checks."""

from __future__ import annotations

from ..layers.base import KerasTensor
from ._base import Operation, call
from ._dtypes import is_float_dtype
from ._shapes import OpShapeError, OpTypeError, compute_conv_output_shape
from .nn import standardize_data_format

__all__ = ["RGBToGrayscale", "rgb_to_grayscale", "RGBToHSV", "rgb_to_hsv", "HSVToRGB",
           "hsv_to_rgb", "Resize", "resize", "AffineTransform", "affine_transform",
           "ExtractPatches", "extract_patches", "extract_patches_3d", "MapCoordinates",
           "map_coordinates", "PadImages", "pad_images", "CropImages", "crop_images",
           "PerspectiveTransform", "perspective_transform", "GaussianBlur", "gaussian_blur",
           "ElasticTransform", "elastic_transform", "ScaleAndTranslate", "scale_and_translate",
           "SobelEdges", "sobel_edges", "SSIM", "ssim"]


def _check_images_rank(shape, what="images", received="Received input with shape: "):
    if len(shape) not in (3, 4):
        raise OpShapeError(f"Invalid {what} rank: expected rank 3 (single image) or rank 4 "
                           f"(batch of images). {received}{what}.shape={tuple(shape)}")


class ImageOperation(Operation):
    def __init__(self, data_format=None, *, name=None):
        super().__init__(name=name)
        self.data_format = standardize_data_format(data_format)

    @property
    def channels_axis(self):
        return -1 if self.data_format == "channels_last" else -3

    @property
    def spatial_axes(self):
        return (-3, -2) if self.data_format == "channels_last" else (-2, -1)


class RGBToGrayscale(ImageOperation):
    def compute_output_spec(self, images):
        shape = list(images.shape)
        _check_images_rank(shape, received="Received: ")
        channels = shape[self.channels_axis]
        if channels is not None and channels not in (1, 3):
            raise OpShapeError("Invalid channel size: expected 3 (RGB) or 1 (Grayscale). "
                               f"Received input with shape: images.shape={tuple(shape)}")
        shape[self.channels_axis] = 1
        return KerasTensor(shape, dtype=images.dtype)


class RGBToHSV(ImageOperation):
    def compute_output_spec(self, images):
        shape = list(images.shape)
        _check_images_rank(shape, received="Received: ")
        if not is_float_dtype(images.dtype):
            raise OpShapeError(f"Invalid images dtype: expected float dtype. Received: "
                               f"images.dtype={images.dtype}")
        channels = shape[self.channels_axis]
        if channels is not None and channels != 3:
            raise OpShapeError(f"Input images must have 3 channels, but received images with "
                               f"{channels} channels.")
        return KerasTensor(shape, dtype=images.dtype)


class HSVToRGB(RGBToHSV):
    pass


def rgb_to_grayscale(images, data_format=None):
    return call(RGBToGrayscale, (images,), data_format=data_format)


def rgb_to_hsv(images, data_format=None):
    return call(RGBToHSV, (images,), data_format=data_format)


def hsv_to_rgb(images, data_format=None):
    return call(HSVToRGB, (images,), data_format=data_format)


class Resize(ImageOperation):
    def __init__(self, size, interpolation="bilinear", antialias=False,
                 crop_to_aspect_ratio=False, pad_to_aspect_ratio=False, fill_mode="constant",
                 fill_value=0.0, data_format=None, *, name=None):
        super().__init__(data_format=data_format, name=name)
        self.size = tuple(size)
        self.interpolation, self.antialias = interpolation, antialias
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.pad_to_aspect_ratio = pad_to_aspect_ratio
        self.fill_mode, self.fill_value = fill_mode, fill_value

    def compute_output_spec(self, images):
        shape = list(images.shape)
        _check_images_rank(shape)
        height_axis, width_axis = self.spatial_axes
        shape[height_axis], shape[width_axis] = self.size[0], self.size[1]
        return KerasTensor(shape, dtype=images.dtype)


def resize(images, size, interpolation="bilinear", antialias=False, crop_to_aspect_ratio=False,
           pad_to_aspect_ratio=False, fill_mode="constant", fill_value=0.0, data_format=None):
    if len(size) != 2:
        raise OpShapeError(f"Expected `size` to be a tuple of 2 integers. Received: size={size}")
    if size[0] <= 0 or size[1] <= 0:
        raise OpShapeError(f"`size` must have positive height and width. Received: size={size}")
    _check_images_rank(images.shape)
    if pad_to_aspect_ratio and crop_to_aspect_ratio:
        raise OpShapeError("Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be "
                           "`True`.")
    return call(Resize, (images,), size=size, interpolation=interpolation, antialias=antialias,
                data_format=data_format, crop_to_aspect_ratio=crop_to_aspect_ratio,
                pad_to_aspect_ratio=pad_to_aspect_ratio, fill_mode=fill_mode,
                fill_value=fill_value)


class AffineTransform(ImageOperation):
    def __init__(self, interpolation="bilinear", fill_mode="constant", fill_value=0,
                 data_format=None, *, name=None):
        super().__init__(data_format=data_format, name=name)
        self.interpolation, self.fill_mode, self.fill_value = interpolation, fill_mode, fill_value

    def compute_output_spec(self, images, transform):
        _check_images_rank(images.shape)
        if len(transform.shape) not in (1, 2):
            raise OpShapeError(
                "Invalid transform rank: expected rank 1 (single transform) or rank 2 (batch of "
                f"transforms). Received input with shape: transform.shape={transform.shape}")
        return KerasTensor(images.shape, dtype=images.dtype)


def affine_transform(images, transform, interpolation="bilinear", fill_mode="constant",
                     fill_value=0, data_format=None):
    return call(AffineTransform, (images, transform), interpolation=interpolation,
                fill_mode=fill_mode, fill_value=fill_value, data_format=data_format)


class ExtractPatches(ImageOperation):
    def __init__(self, size, strides=None, dilation_rate=1, padding="valid", data_format=None,
                 *, name=None):
        super().__init__(data_format=data_format, name=name)
        if isinstance(size, int):
            size = (size, size)
        self.size = size
        self.is_3d = len(size) == 3
        self.strides = size if strides is None else strides
        self.dilation_rate, self.padding = dilation_rate, padding

    def compute_output_spec(self, images):
        shape = list(images.shape)
        ndim = len(shape)
        if self.data_format == "channels_last":
            channels = shape[-1]
        else:
            channels = shape[-4] if self.is_3d else shape[-3]
        unbatched = ndim == (4 if self.is_3d else 3)
        if unbatched:
            shape = [1] + shape
        kernel = tuple(self.size)
        filters = channels
        for k in kernel:
            filters = None if filters is None else filters * k
        out = compute_conv_output_shape(shape, filters, kernel, strides=self.strides,
                                        padding=self.padding, data_format=self.data_format,
                                        dilation_rate=self.dilation_rate)
        return KerasTensor(out[1:] if unbatched else out, dtype=images.dtype)


def extract_patches(images, size, strides=None, dilation_rate=1, padding="valid",
                    data_format=None):
    if not isinstance(size, int):
        if not isinstance(size, (tuple, list)):
            raise OpTypeError("Invalid `size` argument. Expected an int or a tuple. Received: "
                              f"size={size} of type {type(size).__name__}")
        if len(size) not in (2, 3):
            raise OpShapeError("Invalid `size` argument. Expected a tuple of length 2 or 3. "
                               f"Received: size={size} with length {len(size)}")
    return call(ExtractPatches, (images,), size=size, strides=strides,
                dilation_rate=dilation_rate, padding=padding, data_format=data_format)


def extract_patches_3d(volumes, size, strides=None, dilation_rate=1, padding="valid",
                       data_format=None):
    if isinstance(size, int):
        size = (size, size, size)
    return call(ExtractPatches, (volumes,), size=size, strides=strides,
                dilation_rate=dilation_rate, padding=padding, data_format=data_format)


class MapCoordinates(Operation):
    def __init__(self, order, fill_mode="constant", fill_value=0, *, name=None):
        super().__init__(name=name)
        self.order, self.fill_mode, self.fill_value = order, fill_mode, fill_value

    def compute_output_spec(self, inputs, coordinates):
        if coordinates.shape[0] != len(inputs.shape):
            raise OpShapeError(
                "First dim of `coordinates` must be the same as the rank of `inputs`. Received "
                f"inputs with shape: {inputs.shape} and coordinate leading dim of "
                f"{coordinates.shape[0]}")
        if len(coordinates.shape) < 2:
            raise OpShapeError("Invalid coordinates rank: expected at least rank 2. Received "
                               f"input with shape: {coordinates.shape}")
        return KerasTensor(coordinates.shape[1:], dtype=inputs.dtype)


def map_coordinates(inputs, coordinates, order, fill_mode="constant", fill_value=0):
    return call(MapCoordinates, (inputs, coordinates), order=order, fill_mode=fill_mode,
                fill_value=fill_value)


def _check_box_args(names, values):
    """Exactly two of (before, after, target) per axis, none negative (Keras's message)."""
    for axis_names, axis_values in zip(names, values):
        if list(axis_values).count(None) != 1:
            raise OpShapeError(
                f"Must specify exactly two of {', '.join(axis_names)}. Received: "
                + ", ".join(f"{n}={v}" for n, v in zip(axis_names, axis_values)))
    for axis_names, axis_values in zip(names, values):
        for n, v in zip(axis_names, axis_values):
            if v is not None and v < 0:
                raise OpShapeError(f"{n} must be >= 0. Received: {n}={v}")


class PadImages(ImageOperation):
    """Pads to a target size (``CropImages`` crops: ``sign = -1``)."""

    sign = 1
    word = "padding"

    def __init__(self, top_padding=None, left_padding=None, bottom_padding=None,
                 right_padding=None, target_height=None, target_width=None, data_format=None,
                 *, name=None):
        super().__init__(data_format=data_format, name=name)
        self.box = (top_padding, left_padding, bottom_padding, right_padding)
        self.target_height, self.target_width = target_height, target_width

    def _names(self):
        w = self.word
        return ((f"top_{w}", f"bottom_{w}", "target_height"),
                (f"left_{w}", f"right_{w}", "target_width"))

    def _target(self, size, before, after, target, names):
        if target is None and size is None and self.sign < 0:
            which = "height" if "height" in names[2] else "width"
            raise OpShapeError(f"When the {which} of the images is unknown, `{names[2]}` must be "
                               "specified.")
        if target is None and size is not None:
            target = size + self.sign * (before + after)
        if size is not None:
            if before is None:
                before = self.sign * (target - size) - after
            if after is None:
                after = self.sign * (target - size) - before
            for n, v in ((names[0], before), (names[1], after), (names[2], target)):
                if v < 0:
                    raise OpShapeError(f"{n} must be >= 0. Received: {n}={v}")
        return target

    def compute_output_spec(self, images):
        shape = list(images.shape)
        _check_images_rank(shape, received="Received: ")
        names = self._names()
        top, left, bottom, right = self.box
        _check_box_args(names, ((top, bottom, self.target_height),
                                (left, right, self.target_width)))
        h_axis, w_axis = self.spatial_axes
        height = self._target(shape[h_axis], top, bottom, self.target_height, names[0])
        width = self._target(shape[w_axis], left, right, self.target_width, names[1])
        shape[h_axis], shape[w_axis] = height, width
        return KerasTensor(shape, dtype=images.dtype)


class CropImages(PadImages):
    sign = -1
    word = "cropping"

    def __init__(self, top_cropping=None, left_cropping=None, bottom_cropping=None,
                 right_cropping=None, target_height=None, target_width=None, data_format=None,
                 *, name=None):
        super().__init__(top_cropping, left_cropping, bottom_cropping, right_cropping,
                         target_height, target_width, data_format, name=name)


def pad_images(images, top_padding=None, left_padding=None, bottom_padding=None,
               right_padding=None, target_height=None, target_width=None, data_format=None):
    return call(PadImages, (images,), top_padding=top_padding, left_padding=left_padding,
                bottom_padding=bottom_padding, right_padding=right_padding,
                target_height=target_height, target_width=target_width, data_format=data_format)


def crop_images(images, top_cropping=None, left_cropping=None, bottom_cropping=None,
                right_cropping=None, target_height=None, target_width=None, data_format=None):
    return call(CropImages, (images,), top_cropping=top_cropping, left_cropping=left_cropping,
                bottom_cropping=bottom_cropping, right_cropping=right_cropping,
                target_height=target_height, target_width=target_width, data_format=data_format)


class PerspectiveTransform(ImageOperation):
    def __init__(self, interpolation="bilinear", fill_value=0, data_format=None, *, name=None):
        super().__init__(data_format=data_format, name=name)
        self.interpolation, self.fill_value = interpolation, fill_value

    def compute_output_spec(self, images, start_points, end_points):
        _check_images_rank(images.shape)
        for what, points in (("start_points", start_points), ("end_points", end_points)):
            if tuple(points.shape[-2:]) != (4, 2) or len(points.shape) not in (2, 3):
                raise OpShapeError(f"Invalid {what} shape: expected (4,2) for a single image or "
                                   f"(N,4,2) for a batch. Received shape: {points.shape}")
        if tuple(start_points.shape) != tuple(end_points.shape):
            raise OpShapeError(
                "start_points and end_points must have the same shape. Received "
                f"start_points.shape={start_points.shape}, end_points.shape={end_points.shape}")
        return KerasTensor(images.shape, dtype=images.dtype)


def perspective_transform(images, start_points, end_points, interpolation="bilinear",
                          fill_value=0, data_format=None):
    return call(PerspectiveTransform, (images, start_points, end_points),
                interpolation=interpolation, fill_value=fill_value, data_format=data_format)


class GaussianBlur(ImageOperation):
    def __init__(self, kernel_size=(3, 3), sigma=(1.0, 1.0), data_format=None, *, name=None):
        super().__init__(data_format=data_format, name=name)
        self.kernel_size, self.sigma = kernel_size, sigma

    def compute_output_spec(self, images):
        _check_images_rank(images.shape)
        return KerasTensor(images.shape, dtype=images.dtype)


def gaussian_blur(images, kernel_size=(3, 3), sigma=(1.0, 1.0), data_format=None):
    return call(GaussianBlur, (images,), kernel_size=kernel_size, sigma=sigma,
                data_format=data_format)


class ElasticTransform(GaussianBlur):
    def __init__(self, alpha=20.0, sigma=5.0, interpolation="bilinear", fill_mode="reflect",
                 fill_value=0.0, seed=None, data_format=None, *, name=None):
        ImageOperation.__init__(self, data_format=data_format, name=name)
        self.alpha, self.sigma, self.interpolation = alpha, sigma, interpolation
        self.fill_mode, self.fill_value, self.seed = fill_mode, fill_value, seed


def elastic_transform(images, alpha=20.0, sigma=5.0, interpolation="bilinear",
                      fill_mode="reflect", fill_value=0.0, seed=None, data_format=None):
    return call(ElasticTransform, (images,), alpha=alpha, sigma=sigma,
                interpolation=interpolation, fill_mode=fill_mode, fill_value=fill_value,
                seed=seed, data_format=data_format)


class ScaleAndTranslate(Operation):
    def __init__(self, spatial_dims, method, antialias=True, *, name=None):
        super().__init__(name=name)
        self.spatial_dims, self.method, self.antialias = spatial_dims, method, antialias

    def compute_output_spec(self, images, output_shape, scale, translation):
        return KerasTensor(output_shape, dtype=images.dtype)


def scale_and_translate(images, output_shape, scale, translation, spatial_dims, method,
                        antialias=True):
    return call(ScaleAndTranslate, (images, output_shape, scale, translation),
                check=(images, scale, translation), spatial_dims=spatial_dims, method=method,
                antialias=antialias)


class SobelEdges(ImageOperation):
    def compute_output_spec(self, images):
        shape = list(images.shape)
        if len(shape) != 4:
            raise OpShapeError("Invalid images rank: expected rank 4 (batch of images). "
                               f"Received: images.shape={shape}")
        return KerasTensor(shape + [2], dtype=images.dtype)


def sobel_edges(images, data_format=None):
    return call(SobelEdges, (images,), data_format=data_format)


class SSIM(ImageOperation):
    def __init__(self, max_val=1.0, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03,
                 data_format=None, *, name=None):
        super().__init__(data_format=data_format, name=name)
        self.max_val, self.filter_size, self.filter_sigma = max_val, filter_size, filter_sigma
        self.k1, self.k2 = k1, k2

    def compute_output_spec(self, image1, image2):
        _check_images_rank(image1.shape, "image1")
        _check_images_rank(image2.shape, "image2")
        shape = () if len(image1.shape) == 3 else (image1.shape[0],)
        return KerasTensor(shape, dtype=image1.dtype)


def ssim(image1, image2, max_val=1.0, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03,
         data_format=None):
    return call(SSIM, (image1, image2), max_val=max_val, filter_size=filter_size,
                filter_sigma=filter_sigma, k1=k1, k2=k2, data_format=data_format)
