using System.Numerics;

namespace ShapedTensors;

// The destination forms of the operations on shaped tensors the generator did not specialize, as DynamicTensor<T>'s
// (the destination after the options, before keepdims): the same checks as the allocating fallbacks, then the
// DynamicTensor operation into the destination's storage. Concatenate has none (a third tensor and a destination
// would look alike). The broadcasting, unary and reduction operations' are written from OperationCatalog (runtime/Surface).
public static partial class ShapedTensorFallbacks
{
    /// <summary><c>keras.backend.bias_add(x, bias)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void BiasAdd<T>(this IShapedTensor<T> x, IShapedTensor<T> bias, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.BiasAdd, OperationOptions.None, x, bias).BiasAdd(Dynamic(bias), Destination(destination));

    /// <summary><c>keras.backend.softmax(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Softmax<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Softmax, OperationOptions.WithAxis(-1), x).Softmax(Destination(destination));

    /// <summary><c>keras.backend.softmax(x, axis)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Softmax<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Softmax, OperationOptions.WithAxis(axis), x).Softmax(axis, Destination(destination));

    /// <summary><c>keras.backend.transpose(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Transpose<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Transpose(Destination(destination));

    /// <summary><c>keras.backend.permute_dimensions(x, pattern)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void PermuteDimensions<T>(this IShapedTensor<T> x, int[] pattern, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.PermuteDimensions, OperationOptions.WithValues(pattern), x).PermuteDimensions(pattern, Destination(destination));

    /// <summary><c>keras.backend.reshape(x, shape)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Reshape<T>(this IShapedTensor<T> x, int[] shape, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Reshape, OperationOptions.WithValues(shape), x).Reshape(shape, Destination(destination));

    /// <summary><c>keras.backend.expand_dims(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void ExpandDims<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => x.ExpandDims(-1, destination);

    /// <summary><c>keras.backend.expand_dims(x, axis)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void ExpandDims<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.ExpandDims, OperationOptions.WithAxis(axis), x).ExpandDims(axis, Destination(destination));

    /// <summary><c>keras.backend.squeeze(x, axis)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Squeeze<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Squeeze, OperationOptions.WithAxis(axis), x).Squeeze(axis, Destination(destination));
}
