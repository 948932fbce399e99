using System.Numerics;

namespace ShapedTensors;

// The destination forms of the operations on shaped tensors the generator did not specialize, as DynamicTensor<T>'s
// (the destination after the options, before keepdims): the same checks as the allocating fallbacks, then the
// DynamicTensor operation into the destination's storage. Concatenate has none (a third tensor and a destination
// would look alike).
public static partial class ShapedTensorFallbacks
{
    /// <summary><c>x + y</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Add<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Add, OperationOptions.None, x, y).Add(Dynamic(y), Destination(destination));

    /// <summary><c>x - y</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Subtract<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Subtract, OperationOptions.None, x, y).Subtract(Dynamic(y), Destination(destination));

    /// <summary><c>x * y</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Multiply<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Multiply, OperationOptions.None, x, y).Multiply(Dynamic(y), Destination(destination));

    /// <summary><c>x / y</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Divide<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Divide, OperationOptions.None, x, y).Divide(Dynamic(y), Destination(destination));

    /// <summary><c>keras.backend.maximum(x, y)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Maximum<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Maximum, OperationOptions.None, x, y).Maximum(Dynamic(y), Destination(destination));

    /// <summary><c>keras.backend.minimum(x, y)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Minimum<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Minimum, OperationOptions.None, x, y).Minimum(Dynamic(y), Destination(destination));

    /// <summary><c>keras.backend.bias_add(x, bias)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void BiasAdd<T>(this IShapedTensor<T> x, IShapedTensor<T> bias, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.BiasAdd, OperationOptions.None, x, bias).BiasAdd(Dynamic(bias), Destination(destination));

    /// <summary><c>keras.backend.relu(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Relu<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Relu(Destination(destination));

    /// <summary><c>keras.backend.sigmoid(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Sigmoid<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Sigmoid(Destination(destination));

    /// <summary><c>keras.backend.tanh(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Tanh<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Tanh(Destination(destination));

    /// <summary><c>keras.backend.exp(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Exp<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Exp(Destination(destination));

    /// <summary><c>keras.backend.log(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Log<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Log(Destination(destination));

    /// <summary><c>keras.backend.sqrt(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Sqrt<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Sqrt(Destination(destination));

    /// <summary><c>keras.backend.abs(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Abs<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Abs(Destination(destination));

    /// <summary><c>-x</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Negate<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Negate(Destination(destination));

    /// <summary><c>keras.backend.softmax(x)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Softmax<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Softmax, OperationOptions.WithAxis(-1), x).Softmax(Destination(destination));

    /// <summary><c>keras.backend.softmax(x, axis)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Softmax<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Softmax, OperationOptions.WithAxis(axis), x).Softmax(axis, Destination(destination));

    /// <summary><c>keras.backend.sum(x, axis=None, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Sum<T>(this IShapedTensor<T> x, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Sum, OperationOptions.Reduction(null, false, keepdims), x).Sum(Destination(destination), keepdims);

    /// <summary><c>keras.backend.sum(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Sum<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Sum, OperationOptions.Reduction([axis], true, keepdims), x).Sum(axis, Destination(destination), keepdims);

    /// <summary><c>keras.backend.sum(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Sum<T>(this IShapedTensor<T> x, int[]? axis, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Sum, OperationOptions.Reduction(axis, false, keepdims), x).Sum(axis, Destination(destination), keepdims);

    /// <summary><c>keras.backend.mean(x, axis=None, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Mean<T>(this IShapedTensor<T> x, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Mean, OperationOptions.Reduction(null, false, keepdims), x).Mean(Destination(destination), keepdims);

    /// <summary><c>keras.backend.mean(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Mean<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Mean, OperationOptions.Reduction([axis], true, keepdims), x).Mean(axis, Destination(destination), keepdims);

    /// <summary><c>keras.backend.mean(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Mean<T>(this IShapedTensor<T> x, int[]? axis, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Mean, OperationOptions.Reduction(axis, false, keepdims), x).Mean(axis, Destination(destination), keepdims);

    /// <summary><c>keras.backend.max(x, axis=None, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Max<T>(this IShapedTensor<T> x, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Max, OperationOptions.Reduction(null, false, keepdims), x).Max(Destination(destination), keepdims);

    /// <summary><c>keras.backend.max(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Max<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Max, OperationOptions.Reduction([axis], true, keepdims), x).Max(axis, Destination(destination), keepdims);

    /// <summary><c>keras.backend.max(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Max<T>(this IShapedTensor<T> x, int[]? axis, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Max, OperationOptions.Reduction(axis, false, keepdims), x).Max(axis, Destination(destination), keepdims);

    /// <summary><c>keras.backend.min(x, axis=None, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Min<T>(this IShapedTensor<T> x, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Min, OperationOptions.Reduction(null, false, keepdims), x).Min(Destination(destination), keepdims);

    /// <summary><c>keras.backend.min(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Min<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Min, OperationOptions.Reduction([axis], true, keepdims), x).Min(axis, Destination(destination), keepdims);

    /// <summary><c>keras.backend.min(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Min<T>(this IShapedTensor<T> x, int[]? axis, IShapedTensor<T> destination, bool keepdims = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Min, OperationOptions.Reduction(axis, false, keepdims), x).Min(axis, Destination(destination), keepdims);

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
